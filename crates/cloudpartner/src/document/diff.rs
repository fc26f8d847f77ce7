//! What a change does to a document, as people read it: a unified diff of the
//! pretty-printed JSON, with SAS signatures hidden on both sides.

use serde_json::Value;
use similar::TextDiff;

use super::sas::redact_sas;

/// `value` as people read it: pretty JSON ending with a newline, `sig=REDACTED`.
fn shown(value: &Value) -> String {
    let text = serde_json::to_string_pretty(value)
        .unwrap_or_else(|_| unreachable!("a JSON value serializes"));
    let mut text = redact_sas(&text).into_owned();
    text.push('\n');
    text
}

/// The unified diff (3 lines of context) from `before` to `after`, headed
/// `--- {before_name}` and `+++ {after_name}`; empty when they are the same.
///
/// ```
/// use serde_json::json;
/// let diff = cloudpartner::document::json_diff(
///     &json!({"url": "https://x/a.vhd?sig=s3cret"}),
///     &json!({"url": "https://x/b.vhd?sig=s3cret"}),
///     "read",
///     "to write",
/// );
/// assert_eq!(diff, "--- read\n+++ to write\n@@ -1,3 +1,3 @@\n {\n-  \"url\": \"https://x/a.vhd?sig=REDACTED\"\n+  \"url\": \"https://x/b.vhd?sig=REDACTED\"\n }\n");
/// ```
pub fn json_diff(before: &Value, after: &Value, before_name: &str, after_name: &str) -> String {
    let (old, new) = (shown(before), shown(after));
    if old == new {
        return String::new();
    }
    TextDiff::from_lines(&old, &new)
        .unified_diff()
        .context_radius(3)
        .header(before_name, after_name)
        .to_string()
}
