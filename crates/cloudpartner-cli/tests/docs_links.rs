//! The links of README.md and docs/*.md: every `#anchor` names a heading of its page (as
//! GitHub makes them), every relative path exists.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// The repository's root.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The page without its fenced code blocks (a `#` there is a comment, not a heading).
fn prose(page: &str) -> Vec<&str> {
    let mut fenced = false;
    page.lines()
        .filter(|line| {
            if line.trim_start().starts_with("```") {
                fenced = !fenced;
                return false;
            }
            !fenced
        })
        .collect()
}

/// GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The targets of the page's inline links `[text](target)`.
fn link_targets(lines: &[&str]) -> Vec<String> {
    let mut targets = Vec::new();
    for line in lines {
        let mut rest = *line;
        while let Some(start) = rest.find("](") {
            let after = &rest[start + 2..];
            let Some(end) = after.find(')') else { break };
            targets.push(after[..end].to_owned());
            rest = &after[end..];
        }
    }
    targets
}

/// The broken links of one page, relative to the repository's root.
fn broken_links(relative: &str) -> Vec<String> {
    let path = root().join(relative);
    let page = std::fs::read_to_string(&path).unwrap();
    let lines = prose(&page);
    let anchors: HashSet<String> = lines
        .iter()
        .filter_map(|line| line.strip_prefix('#'))
        .map(|heading| anchor(heading.trim_start_matches('#')))
        .collect();
    let directory = path.parent().unwrap();
    link_targets(&lines)
        .into_iter()
        .filter(|target| {
            if let Some(name) = target.strip_prefix('#') {
                !anchors.contains(name)
            } else if target.starts_with("http://") || target.starts_with("https://") {
                false
            } else {
                let file = target.split('#').next().unwrap_or_default();
                !directory.join(file).exists()
            }
        })
        .map(|target| format!("{relative}: ({target})"))
        .collect()
}

#[test]
fn anchors_follow_githubs_rule() {
    assert_eq!(
        anchor(" serve: the emulator and its default scenario"),
        "serve-the-emulator-and-its-default-scenario"
    );
    assert_eq!(anchor(" What `make demo` prints"), "what-make-demo-prints");
    assert_eq!(
        link_targets(&["see [a](#x) and [b](docs/e.md#y)."]),
        ["#x", "docs/e.md#y"]
    );
}

#[test]
fn the_readme_and_the_docs_have_no_broken_links() {
    let mut pages = vec![String::from("README.md")];
    for entry in std::fs::read_dir(root().join("docs")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".md") {
            pages.push(format!("docs/{name}"));
        }
    }
    let broken: Vec<String> = pages.iter().flat_map(|page| broken_links(page)).collect();
    assert!(broken.is_empty(), "broken links: {broken:#?}");
}
