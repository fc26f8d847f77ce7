//! What a change does to an offer: a unified diff of its definition, pretty-printed,
//! with SAS signatures hidden on both sides.

use cloudpartner::{Offer, redact_sas};
use similar::TextDiff;

use super::style::{Style, Tone};

/// The definition as people read it: pretty JSON, `sig=REDACTED`.
fn shown_definition(offer: &Offer) -> String {
    let text = serde_json::to_string_pretty(offer.definition())
        .unwrap_or_else(|_| unreachable!("a JSON value serializes"));
    let mut text = redact_sas(&text).into_owned();
    text.push('\n');
    text
}

/// The unified diff (3 lines of context) from `before` to `after`, `+` lines green and
/// `-` lines red; empty when the definitions are the same.
pub fn definition_diff(before: &Offer, after: &Offer, style: Style) -> String {
    let (old, new) = (shown_definition(before), shown_definition(after));
    if old == new {
        return String::new();
    }
    let name = format!("{}/{}", before.publisher_id(), before.id());
    let (old_name, new_name) = (
        format!("{name} definition (read)"),
        format!("{name} definition (to write)"),
    );
    let diff = TextDiff::from_lines(&old, &new);
    let text = diff
        .unified_diff()
        .context_radius(3)
        .header(&old_name, &new_name)
        .to_string();
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let tone = if line.starts_with("+++") || line.starts_with("---") {
            Tone::Strong
        } else if line.starts_with('+') {
            Tone::Good
        } else if line.starts_with('-') {
            Tone::Bad
        } else if line.starts_with("@@") {
            Tone::Active
        } else {
            Tone::Plain
        };
        out.push_str(&style.paint(tone, line));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use cloudpartner::VmImageVersion;

    #[test]
    fn an_added_image_is_a_hunk_of_plus_lines_without_signatures() {
        let before = cloudpartner::parse_offer(
            br#"{"id":"vm","publisherId":"contoso","definition":{"plans":[{"planId":"a",
                "microsoft-azure-virtualmachines.vmImages":{"1.0.0":{"osVhdUrl":"https://x/1.vhd?sig=old"}}}]}}"#,
        )
        .unwrap();
        let mut after = before.clone();
        let mut image = VmImageVersion::new("2.0.0", "https://x/2.vhd?sv=1&sig=n3w");
        image.published_date = "01/02/2027".into();
        after.set_vm_image_version("a", &image).unwrap();
        let diff = definition_diff(&before, &after, Style::PLAIN);
        assert!(
            diff.starts_with(
                "--- contoso/vm definition (read)\n+++ contoso/vm definition (to write)\n@@ "
            ),
            "{diff}"
        );
        assert!(diff.contains("\n+        \"2.0.0\": {\n"), "{diff}");
        assert!(
            diff.contains("+          \"osVhdUrl\": \"https://x/2.vhd?sv=1&sig=REDACTED\",\n"),
            "{diff}"
        );
        assert!(!diff.contains("n3w") && !diff.contains("sig=old"), "{diff}");
        assert!(
            diff.lines().all(|l| l.starts_with(['+', '-', ' ', '@'])),
            "{diff}"
        );
        assert_eq!(definition_diff(&before, &before, Style::PLAIN), "");
    }
}
