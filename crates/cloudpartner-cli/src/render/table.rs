//! Every table of the command, laid out by `comfy-table`: columns two spaces apart, no
//! borders, coloured cell by cell (escapes do not count in widths), and, on a terminal,
//! fitted to its width with cut cells ending in `…` — but for URLs, cut in the middle so
//! that what tells them apart (the file name) stays. Width, truncation and colour are
//! decided here and nowhere else.

use comfy_table::{ColumnConstraint, ContentArrangement, Row, Width, presets::NOTHING};

use super::style::{Style, Tone};

/// What a cell cut to fit ends with.
const CUT: &str = "…";

/// No column is cut below this width.
const MIN_COLUMN_WIDTH: u16 = 6;

/// One cell: its text, the tone that colours it, and where it is cut when too wide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The text, without escapes.
    pub text: String,
    /// How it is painted.
    pub tone: Tone,
    /// Whether it is a URL, cut in the middle rather than at its end.
    url: bool,
}

impl Cell {
    /// A cell painted with `tone`.
    pub fn new(text: impl Into<String>, tone: Tone) -> Cell {
        Cell {
            text: text.into(),
            tone,
            url: false,
        }
    }

    /// An unpainted cell.
    pub fn plain(text: impl Into<String>) -> Cell {
        Cell::new(text, Tone::Plain)
    }

    /// A URL (or a path): too wide, it keeps its start and its last segment, the file
    /// name, and loses its query and the middle of its path.
    pub fn url(text: impl Into<String>, tone: Tone) -> Cell {
        Cell {
            url: true,
            ..Cell::new(text, tone)
        }
    }
}

/// The text's width in columns (the tables hold no wide characters that matter here).
fn width_of(text: &str) -> usize {
    text.chars().count()
}

/// The first `n` characters of `text`.
fn head(text: &str, n: usize) -> &str {
    text.char_indices()
        .nth(n)
        .map_or(text, |(at, _)| &text[..at])
}

/// The last `n` characters of `text`.
fn tail(text: &str, n: usize) -> &str {
    let count = width_of(text);
    if n >= count {
        return text;
    }
    if n == 0 {
        return "";
    }
    text.char_indices()
        .nth(count - n)
        .map_or(text, |(at, _)| &text[at..])
}

/// `url` in at most `width` columns: whole when it fits; else without its query
/// (`?…`); else its start, `…`, and its last path segment; else the end of that segment.
fn cut_url(url: &str, width: usize) -> String {
    if width_of(url) <= width {
        return url.to_owned();
    }
    let (path, query) = match url.split_once('?') {
        Some((path, _)) => (path, "?…"),
        None => (url, ""),
    };
    let without_query = format!("{path}{query}");
    if width_of(&without_query) <= width {
        return without_query;
    }
    let name = path.rsplit('/').next().unwrap_or(path);
    let end = format!("/{name}{query}");
    // Room for at least a few characters of the start, then `…`, then the name.
    let start_room = width.saturating_sub(width_of(&end) + 1);
    if start_room >= 4 {
        format!("{}{CUT}{end}", head(path, start_room))
    } else {
        format!("{CUT}{}", tail(&end, width.saturating_sub(1)))
    }
}

/// A table with a header row. Lines have no trailing spaces; cells are one line each.
#[derive(Debug, Clone, Default)]
pub struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<Cell>>,
    width: Option<u16>,
}

impl Table {
    /// A table with these column headers.
    pub fn new(headers: &[&str]) -> Table {
        Table {
            headers: headers.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
            width: None,
        }
    }

    /// Appends a row (missing cells are empty, extra ones ignored).
    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Fits the table, indent included, in `width` columns (the terminal's width by
    /// default; no limit when stdout is not a terminal).
    #[cfg(test)]
    pub fn with_width(mut self, width: u16) -> Table {
        self.width = Some(width);
        self
    }

    /// The lines of the table, each starting with `indent`.
    pub fn render(&self, style: Style, indent: &str) -> Vec<String> {
        let columns = self.headers.len();
        let mut table = comfy_table::Table::new();
        table.load_preset(NOTHING).force_no_tty();
        let header: Vec<String> = self
            .headers
            .iter()
            .map(|h| style.paint(Tone::Strong, h))
            .collect();
        table.set_header(header);
        let width = self.width.or_else(terminal_width);
        let url_widths = width.map(|width| {
            let indent_width = indent.chars().count();
            self.url_column_widths(usize::from(width).saturating_sub(indent_width))
        });
        for cells in &self.rows {
            let texts: Vec<String> = (0..columns)
                .map(|i| {
                    cells.get(i).map_or_else(String::new, |c| {
                        let room = url_widths.as_ref().and_then(|widths| widths[i]);
                        match room {
                            Some(room) if c.url => style.paint(c.tone, &cut_url(&c.text, room)),
                            _ => style.paint(c.tone, &c.text),
                        }
                    })
                })
                .collect();
            let mut row = Row::from(texts);
            row.max_height(1);
            table.add_row(row);
        }
        for (index, column) in table.column_iter_mut().enumerate() {
            let right = if index + 1 < columns { 2 } else { 0 };
            column.set_padding((0, right));
        }
        if let Some(width) = width {
            let indent_width = u16::try_from(indent.chars().count()).unwrap_or(u16::MAX);
            table
                .set_width(width.saturating_sub(indent_width).max(MIN_COLUMN_WIDTH))
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_truncation_indicator(CUT)
                .set_constraints(
                    (0..columns)
                        .map(|_| ColumnConstraint::LowerBoundary(Width::Fixed(MIN_COLUMN_WIDTH))),
                );
        }
        table
            .lines()
            .map(|line| format!("{indent}{}", line.trim_end()).trim_end().to_owned())
            .collect()
    }
}

impl Table {
    /// For each column holding URL cells, the room its URLs get in `width` columns: what
    /// the other columns (whole, with their two-space gaps) leave, at least the minimum.
    /// `None` for the other columns.
    fn url_column_widths(&self, width: usize) -> Vec<Option<usize>> {
        let columns = self.headers.len();
        let content = |i: usize| {
            self.rows
                .iter()
                .filter_map(|row| row.get(i))
                .map(|cell| width_of(&cell.text))
                .chain([width_of(&self.headers[i])])
                .max()
                .unwrap_or(0)
        };
        let has_urls = |i: usize| {
            self.rows
                .iter()
                .any(|row| row.get(i).is_some_and(|c| c.url))
        };
        let gaps = 2 * columns.saturating_sub(1);
        (0..columns)
            .map(|i| {
                if !has_urls(i) {
                    return None;
                }
                let others: usize = (0..columns).filter(|&j| j != i).map(content).sum();
                Some(
                    width
                        .saturating_sub(others + gaps)
                        .max(usize::from(MIN_COLUMN_WIDTH) * 3)
                        .max(width_of(&self.headers[i])),
                )
            })
            .collect()
    }
}

/// The width of the terminal on stdout, when it is one.
fn terminal_width() -> Option<u16> {
    console::Term::stdout()
        .size_checked()
        .map(|(_rows, columns)| columns)
        .filter(|columns| *columns > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up_without_trailing_spaces() {
        let mut table = Table::new(&["STEP", "STATE", "TIME FRAME"]);
        table.push(vec![
            Cell::plain("Certification"),
            Cell::new("in progress", Tone::Active),
            Cell::plain("~2-3 days"),
        ]);
        table.push(vec![Cell::plain("Live"), Cell::plain("not started")]);
        let lines = table.render(Style::PLAIN, "  ");
        assert_eq!(
            lines,
            [
                "  STEP           STATE        TIME FRAME",
                "  Certification  in progress  ~2-3 days",
                "  Live           not started",
            ]
        );
    }

    #[test]
    fn colour_does_not_shift_columns() {
        let mut table = Table::new(&["A", "B"]);
        table.push(vec![Cell::new("x", Tone::Bad), Cell::plain("y")]);
        let lines = table.render(Style::COLORED, "");
        assert_eq!(lines[1], "\x1b[31mx\x1b[0m  y");
        assert_eq!(lines[0], "\x1b[1mA\x1b[0m  \x1b[1mB\x1b[0m");
    }

    #[test]
    fn a_narrow_terminal_cuts_cells_to_one_line() {
        let mut table = Table::new(&["ID", "DESCRIPTION"]);
        table.push(vec![
            Cell::plain("vm-release"),
            Cell::plain("a description far too long to fit in the width of this table"),
        ]);
        let lines = table.with_width(40).render(Style::PLAIN, "  ");
        assert_eq!(lines.len(), 2, "{lines:?}");
        for line in &lines {
            assert!(line.chars().count() <= 40, "{line}");
        }
        assert!(
            lines[1].starts_with("  vm-release  a description"),
            "{lines:?}"
        );
        assert!(lines[1].ends_with('…'), "{lines:?}");
    }

    #[test]
    fn a_url_keeps_its_file_name() {
        let url = "https://contosoimages.blob.core.windows.net/vhds/contoso-release-1.1.0-os.vhd?sv=2021-08-06&sr=b&sig=REDACTED";
        assert_eq!(cut_url(url, 200), url);
        assert_eq!(
            cut_url(url, 80),
            "https://contosoimages.blob.core.windows.net/vhds/contoso-release-1.1.0-os.vhd?…"
        );
        assert_eq!(
            cut_url(url, 60),
            "https://contosoimages.blob.c…/contoso-release-1.1.0-os.vhd?…"
        );
        assert_eq!(cut_url(url, 20), "…ease-1.1.0-os.vhd?…");
        for width in 1..120 {
            assert!(width_of(&cut_url(url, width)) <= width.max(3), "{width}");
        }

        let mut table = Table::new(&["PLAN", "VERSION", "OS DISK"]);
        for version in ["1.0.0", "1.1.0"] {
            table.push(vec![
                Cell::plain("standard"),
                Cell::plain(version),
                Cell::url(url.replace("1.1.0", version), Tone::Muted),
            ]);
        }
        let lines = table.with_width(72).render(Style::PLAIN, "  ");
        for line in &lines {
            assert!(line.chars().count() <= 72, "{line}");
        }
        assert!(
            lines[1].ends_with("/contoso-release-1.0.0-os.vhd?…"),
            "{lines:?}"
        );
        assert!(
            lines[2].ends_with("/contoso-release-1.1.0-os.vhd?…"),
            "{lines:?}"
        );
        assert!(lines[1].contains("  https://contoso"), "{lines:?}");
    }
}
