//! Every table of the command, laid out by `comfy-table`: columns two spaces apart, no
//! borders, coloured cell by cell (escapes do not count in widths), and, on a terminal,
//! fitted to its width with cut cells ending in `…`. Width, truncation and colour are
//! decided here and nowhere else.

use comfy_table::{ColumnConstraint, ContentArrangement, Row, Width, presets::NOTHING};

use super::style::{Style, Tone};

/// What a cell cut to fit ends with.
const CUT: &str = "…";

/// No column is cut below this width.
const MIN_COLUMN_WIDTH: u16 = 6;

/// One cell: its text and the tone that colours it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The text, without escapes.
    pub text: String,
    /// How it is painted.
    pub tone: Tone,
}

impl Cell {
    /// A cell painted with `tone`.
    pub fn new(text: impl Into<String>, tone: Tone) -> Cell {
        Cell {
            text: text.into(),
            tone,
        }
    }

    /// An unpainted cell.
    pub fn plain(text: impl Into<String>) -> Cell {
        Cell::new(text, Tone::Plain)
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
        for cells in &self.rows {
            let texts: Vec<String> = (0..columns)
                .map(|i| {
                    cells
                        .get(i)
                        .map_or_else(String::new, |c| style.paint(c.tone, &c.text))
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
        let width = self.width.or_else(terminal_width);
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
}
