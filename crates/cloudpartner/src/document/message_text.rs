//! Plain text from a message's HTML: tags stripped, entities decoded, whitespace collapsed.

/// Turns `<p>Step&nbsp;<b>failed</b></p>` into `Step failed`.
///
/// Tags become word breaks where they separate blocks (`<p>`, `<br>`, `<li>`, ...);
/// the content of `<script>` and `<style>` is dropped. Text that is not HTML is
/// returned with its whitespace collapsed.
pub fn html_to_text(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return collapse_whitespace(html);
    }
    let mut stripped = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        stripped.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let looks_like_tag =
            after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        if !looks_like_tag {
            stripped.push('<');
            rest = after;
            continue;
        }
        let Some(close) = after.find('>') else {
            // A lone '<' is text, not a tag.
            stripped.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = &after[..close];
        let name = tag_name(tag);
        rest = &after[close + 1..];
        if matches!(name.as_str(), "script" | "style") && !tag.starts_with('/') {
            let end = format!("</{name}");
            match rest.to_ascii_lowercase().find(&end) {
                Some(i) => {
                    let tail = &rest[i..];
                    rest = tail.find('>').map_or("", |j| &tail[j + 1..]);
                }
                None => rest = "",
            }
        }
        if is_block(&name) {
            stripped.push(' ');
        }
    }
    stripped.push_str(rest);
    let decoded = html_escape::decode_html_entities(&stripped);
    collapse_whitespace(&decoded)
}

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .flat_map(|c| c.to_lowercase())
        .collect()
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "br" | "p"
            | "div"
            | "li"
            | "ul"
            | "ol"
            | "tr"
            | "td"
            | "th"
            | "table"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "hr"
            | "blockquote"
            | "pre"
    )
}

fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // U+00A0 (from &nbsp;) counts as whitespace for collapsing.
    for word in s
        .split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::html_to_text;

    #[test]
    fn strips_decodes_and_collapses() {
        let cases = [
            ("Step completed.", "Step completed."),
            ("<p>Step&nbsp;<b>failed</b></p>", "Step failed"),
            ("a<br>b<br/>c", "a b c"),
            ("<ul><li>one</li><li>two</li></ul>", "one two"),
            ("&lt;b&gt; is a tag &amp; so on", "<b> is a tag & so on"),
            ("  lots \n\t of   space ", "lots of space"),
            ("x < y and y > z", "x < y and y > z"),
            ("<style>p{color:red}</style>Hello", "Hello"),
            ("<a href=\"https://x\">link</a> &#233;t&eacute;", "link été"),
            ("", ""),
            ("unclosed <b", "unclosed <b"),
        ];
        for (html, want) in cases {
            assert_eq!(html_to_text(html), want, "{html:?}");
        }
    }
}
