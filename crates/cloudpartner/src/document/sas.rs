//! SAS signatures in text: the value of every `sig=` hidden, for `Debug` output, log
//! lines and error messages. Image URLs (`osVhdUrl`, `lunVhdUrl`) are usually SAS URLs
//! whose signature is a secret; the documents sent to the service keep the real value.

use std::borrow::Cow;
use std::fmt;

/// What a signature is replaced with.
pub const REDACTED: &str = "REDACTED";

/// Replaces the value of every `sig=` query parameter in `text` with `REDACTED`.
///
/// The key matches case-insensitively (`sig=`, `SIG=`) where it starts a word (after
/// `?`, `&`, a quote, a space, the start of the text, ...), also in its percent-encoded
/// form (`sig%3D...`, after `%3F` or `%26`) as found in a URL nested in another one. The
/// value runs to the next `&` (or `%26`), `#`, whitespace, quote, backslash, one of
/// `<>()[]{},;` or the end of the text: a signature is base64, percent-encoded or not,
/// and never holds those. An empty value is left as it is. Text without a signature is
/// returned as it is, without a copy.
///
/// ```
/// use cloudpartner::redact_sas;
/// let url = "https://contoso.blob.core.windows.net/vhds/os.vhd?sv=2018-03-28&sr=c&sig=mZ8%2Bq%3D&sp=rl";
/// assert_eq!(
///     redact_sas(url),
///     "https://contoso.blob.core.windows.net/vhds/os.vhd?sv=2018-03-28&sr=c&sig=REDACTED&sp=rl"
/// );
/// assert!(matches!(redact_sas("no secret here"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn redact_sas(text: &str) -> Cow<'_, str> {
    let values = signature_values(text.as_bytes());
    if values.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (start, end) in values {
        out.push_str(&text[copied..start]);
        out.push_str(REDACTED);
        copied = end;
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// Shows a text (a URL, a log line) with its SAS signatures redacted, in `Display` and
/// in `Debug` (quoted, as a string's `Debug` is).
///
/// ```
/// use cloudpartner::Redacted;
/// let url = "https://x.blob.core.windows.net/a.vhd?sig=abc%3D";
/// assert_eq!(Redacted(url).to_string(), "https://x.blob.core.windows.net/a.vhd?sig=REDACTED");
/// assert_eq!(format!("{:?}", Redacted(url)), "\"https://x.blob.core.windows.net/a.vhd?sig=REDACTED\"");
/// ```
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Redacted<'a>(pub &'a str);

impl fmt::Display for Redacted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&redact_sas(self.0))
    }
}

impl fmt::Debug for Redacted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(redact_sas(self.0).as_ref(), f)
    }
}

/// The byte ranges of the signature values in `text`, in order.
fn signature_values(text: &[u8]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut i = 0;
    while i + 4 <= text.len() {
        if text[i..i + 3].eq_ignore_ascii_case(b"sig") {
            if let Some(start) = value_start(text, i) {
                let end = value_end(text, start);
                if end > start {
                    found.push((start, end));
                }
                i = end.max(i + 1);
                continue;
            }
        }
        i += 1;
    }
    found
}

/// Where the value starts when `sig` at `at` is a parameter name: `sig=` or `sig%3D`
/// that starts a word.
fn value_start(text: &[u8], at: usize) -> Option<usize> {
    let rest = &text[at + 3..];
    let start = if rest.first() == Some(&b'=') {
        at + 4
    } else if rest.len() >= 3 && rest[..3].eq_ignore_ascii_case(b"%3d") {
        at + 6
    } else {
        return None;
    };
    let after_encoded_separator = at >= 3
        && text[at - 3] == b'%'
        && (text[at - 2..at].eq_ignore_ascii_case(b"26")
            || text[at - 2..at].eq_ignore_ascii_case(b"3f"));
    let starts_word = at == 0 || !is_word_byte(text[at - 1]);
    (starts_word || after_encoded_separator).then_some(start)
}

/// Letters (any script), digits and `_-.%` continue a word: `xsig=` is not `sig=`.
fn is_word_byte(b: u8) -> bool {
    !b.is_ascii() || b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'%')
}

/// The end of a value starting at `start`.
fn value_end(text: &[u8], start: usize) -> usize {
    let mut j = start;
    while j < text.len() {
        let b = text[j];
        let stop = !b.is_ascii()
            || b.is_ascii_whitespace()
            || b.is_ascii_control()
            || matches!(
                b,
                b'&' | b'#'
                    | b'"'
                    | b'\''
                    | b'`'
                    | b'\\'
                    | b'<'
                    | b'>'
                    | b'('
                    | b')'
                    | b'['
                    | b']'
                    | b'{'
                    | b'}'
                    | b','
                    | b';'
            )
            || (b == b'%' && text.len() >= j + 3 && text[j + 1..j + 3].eq_ignore_ascii_case(b"26"));
        if stop {
            break;
        }
        j += 1;
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> String {
        redact_sas(s).into_owned()
    }

    #[test]
    fn one_signature_in_a_url() {
        assert_eq!(
            r(
                "https://a.blob.core.windows.net/v/os.vhd?sv=2018-03-28&sr=c&sig=AbC%2Bd%2FeF%3D&se=2030-01-01T00%3A00%3A00Z&sp=rl"
            ),
            "https://a.blob.core.windows.net/v/os.vhd?sv=2018-03-28&sr=c&sig=REDACTED&se=2030-01-01T00%3A00%3A00Z&sp=rl"
        );
    }

    #[test]
    fn signature_first_and_last() {
        assert_eq!(r("https://a/b?sig=xyz"), "https://a/b?sig=REDACTED");
        assert_eq!(
            r("https://a/b?sig=xyz&sp=r"),
            "https://a/b?sig=REDACTED&sp=r"
        );
        assert_eq!(r("sig=xyz"), "sig=REDACTED");
        assert_eq!(
            r("https://a/b?sp=r&sig=xyz#frag"),
            "https://a/b?sp=r&sig=REDACTED#frag"
        );
    }

    #[test]
    fn any_case() {
        assert_eq!(
            r("https://a/b?SIG=xyz&Sig=abc"),
            "https://a/b?SIG=REDACTED&Sig=REDACTED"
        );
    }

    #[test]
    fn several_urls_in_a_text() {
        assert_eq!(
            r(
                "os https://a/os.vhd?sig=one, disk https://a/d.vhd?sv=1&sig=two (lun 0); https://a/x?sig=three."
            ),
            "os https://a/os.vhd?sig=REDACTED, disk https://a/d.vhd?sv=1&sig=REDACTED (lun 0); https://a/x?sig=REDACTED"
        );
    }

    #[test]
    fn in_json_text() {
        let doc = r#"{"osVhdUrl":"https://a/os.vhd?sv=1&sig=k%2B1%3D","lunVhdDetails":[{"lun":0,"lunVhdUrl":"https://a/d.vhd?sig=k2"}]}"#;
        assert_eq!(
            r(doc),
            r#"{"osVhdUrl":"https://a/os.vhd?sv=1&sig=REDACTED","lunVhdDetails":[{"lun":0,"lunVhdUrl":"https://a/d.vhd?sig=REDACTED"}]}"#
        );
        let escaped = r#"{"body":"{\"u\":\"https://a/b?sig=zz\"}"}"#;
        assert_eq!(
            r(escaped),
            r#"{"body":"{\"u\":\"https://a/b?sig=REDACTED\"}"}"#
        );
        assert_eq!(
            r("url='https://a/b?sig=zz'"),
            "url='https://a/b?sig=REDACTED'"
        );
    }

    #[test]
    fn percent_encoded_parameter_in_a_nested_url() {
        assert_eq!(
            r("https://x/?next=https%3A%2F%2Fa%2Fb%3Fsv%3D1%26sig%3Dk%252B1%26sp%3Dr"),
            "https://x/?next=https%3A%2F%2Fa%2Fb%3Fsv%3D1%26sig%3DREDACTED%26sp%3Dr"
        );
        assert_eq!(
            r("https%3A%2F%2Fa%2Fb%3Fsig%3Dk%26sp%3Dr"),
            "https%3A%2F%2Fa%2Fb%3Fsig%3DREDACTED%26sp%3Dr"
        );
    }

    #[test]
    fn what_is_not_a_signature_is_kept() {
        for text in [
            "no signature here",
            "https://a/b?sv=1&sp=r",
            "https://a/b?xsig=abc&signature=def&sigma=1",
            "https://a/b?sig=&sp=r",
            "https://a/b?sig=",
            "sig",
            "",
            "désig=é",
        ] {
            assert!(matches!(redact_sas(text), Cow::Borrowed(_)), "{text}");
            assert_eq!(r(text), text);
        }
    }

    #[test]
    fn non_ascii_text_around_a_signature() {
        assert_eq!(r("été ?sig=abc€ fin"), "été ?sig=REDACTED€ fin");
        assert_eq!(r("?sig=REDACTED"), "?sig=REDACTED", "idempotent");
    }

    #[test]
    fn wrapper() {
        let url = "https://a/b?sig=s3cr3t";
        assert_eq!(format!("{}", Redacted(url)), "https://a/b?sig=REDACTED");
        assert_eq!(
            format!("{:?}", Redacted(url)),
            "\"https://a/b?sig=REDACTED\""
        );
        assert!(!format!("{:>40}", Redacted(url)).contains("s3cr3t"));
    }
}
