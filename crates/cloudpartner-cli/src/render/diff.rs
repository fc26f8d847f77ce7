//! What a change does to an offer: the core's unified diff of its definition (SAS
//! signatures hidden on both sides), in colour.

use super::style::{Style, Tone};

/// The lines of a unified diff (`OfferEdit::diff()`, `cloudpartner::document::json_diff`)
/// in colour: `+` lines green, `-` lines red, hunk headers as active; empty stays empty.
pub fn colored_diff(diff: &str, style: Style) -> String {
    let mut out = String::with_capacity(diff.len());
    for line in diff.lines() {
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
    use cloudpartner::{ImageChange, VmImageVersion};

    #[test]
    fn an_added_image_is_a_hunk_of_plus_lines_without_signatures() {
        let before = cloudpartner::parse_offer(
            br#"{"id":"vm","publisherId":"contoso","definition":{"plans":[{"planId":"a",
                "microsoft-azure-virtualmachines.vmImages":{"1.0.0":{"osVhdUrl":"https://x/1.vhd?sig=old"}}}]}}"#,
        )
        .unwrap();
        let mut image = VmImageVersion::new("2.0.0", "https://x/2.vhd?sv=1&sig=n3w");
        image.published_date = "01/02/2027".into();
        let change = ImageChange::Add {
            plan: "a".into(),
            image,
        };
        let edit = change.apply(&before).unwrap();
        let diff = colored_diff(&edit.diff(), Style::PLAIN);
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
        assert_eq!(colored_diff("", Style::PLAIN), "");
    }
}
