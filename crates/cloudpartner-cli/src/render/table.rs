//! Columns aligned on display width, coloured cell by cell.

use unicode_width::UnicodeWidthStr;

use super::style::{Style, Tone};

/// One cell: its text and the tone that colours it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The text, without escapes (its width is measured).
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
    #[cfg(test)]
    pub fn plain(text: impl Into<String>) -> Cell {
        Cell::new(text, Tone::Plain)
    }
}

/// A table with a header row; columns are padded to their widest cell, two spaces
/// apart, and the last column is not padded (no trailing spaces).
#[derive(Debug, Clone, Default)]
pub struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<Cell>>,
}

impl Table {
    /// A table with these column headers.
    pub fn new(headers: &[&str]) -> Table {
        Table {
            headers: headers.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    /// Appends a row (missing cells are empty, extra ones ignored).
    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }

    /// The lines of the table, each starting with `indent`.
    pub fn render(&self, style: Style, indent: &str) -> Vec<String> {
        let columns = self.headers.len();
        let mut widths: Vec<usize> = self.headers.iter().map(|h| h.width()).collect();
        for row in &self.rows {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.text.width());
            }
        }
        let header: Vec<Cell> = self
            .headers
            .iter()
            .map(|h| Cell::new(h.clone(), Tone::Strong))
            .collect();
        std::iter::once(&header)
            .chain(&self.rows)
            .map(|row| {
                let mut line = String::from(indent);
                for (index, width) in widths.iter().enumerate() {
                    let cell = row.get(index);
                    let text = cell.map_or("", |c| c.text.as_str());
                    let tone = cell.map_or(Tone::Plain, |c| c.tone);
                    line.push_str(&style.paint(tone, text));
                    if index + 1 < columns {
                        line.push_str(&" ".repeat(width - text.width() + 2));
                    }
                }
                line.trim_end().to_owned()
            })
            .collect()
    }
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
    }
}
