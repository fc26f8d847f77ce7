//! Colour, decided once per output stream: ANSI styles, or plain text.

use std::io::IsTerminal;

use crate::args::ColorChoice;

/// What a piece of text means, which picks its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Done, succeeded (green).
    Good,
    /// Running now (cyan).
    Active,
    /// Needs attention: waiting, warnings, canceled (yellow).
    Attention,
    /// Failed, rejected, errors (red).
    Bad,
    /// Not started, secondary details (dim).
    Muted,
    /// Headers and names (bold).
    Strong,
    /// No styling.
    Plain,
}

/// Paints text for one output stream, or leaves it plain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    color: bool,
}

impl Style {
    /// Plain text, no escape sequences.
    #[cfg(test)]
    pub const PLAIN: Style = Style { color: false };

    /// ANSI colours.
    #[cfg(test)]
    pub const COLORED: Style = Style { color: true };

    /// The style for a stream: `always` colours, `never` does not, `auto` colours
    /// a terminal unless `NO_COLOR` is set (and not empty).
    pub fn choose(choice: ColorChoice, stream_is_terminal: bool, no_color: Option<&str>) -> Style {
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => stream_is_terminal && no_color.is_none_or(str::is_empty),
        };
        Style { color }
    }

    /// The style for stdout with this choice, looking at the terminal and `NO_COLOR`.
    pub fn for_stdout(choice: ColorChoice) -> Style {
        Style::choose(
            choice,
            std::io::stdout().is_terminal(),
            std::env::var("NO_COLOR").ok().as_deref(),
        )
    }

    /// The style for stderr with this choice, looking at the terminal and `NO_COLOR`.
    pub fn for_stderr(choice: ColorChoice) -> Style {
        Style::choose(
            choice,
            std::io::stderr().is_terminal(),
            std::env::var("NO_COLOR").ok().as_deref(),
        )
    }

    /// Whether this style colours.
    pub fn is_colored(self) -> bool {
        self.color
    }

    /// `text` in the colour of `tone` (unchanged without colour).
    pub fn paint(self, tone: Tone, text: &str) -> String {
        let code = match tone {
            Tone::Good => "32",
            Tone::Active => "36",
            Tone::Attention => "33",
            Tone::Bad => "31",
            Tone::Muted => "2",
            Tone::Strong => "1",
            Tone::Plain => return text.to_owned(),
        };
        if !self.color || text.is_empty() {
            return text.to_owned();
        }
        format!("\x1b[{code}m{text}\x1b[0m")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_follows_the_choice_the_terminal_and_no_color() {
        let colored = |choice, tty, no_color| Style::choose(choice, tty, no_color).is_colored();
        assert!(colored(ColorChoice::Auto, true, None));
        assert!(colored(ColorChoice::Auto, true, Some("")));
        assert!(!colored(ColorChoice::Auto, true, Some("1")));
        assert!(!colored(ColorChoice::Auto, false, None));
        assert!(!colored(ColorChoice::Never, true, None));
        assert!(colored(ColorChoice::Always, false, Some("1")));
    }

    #[test]
    fn plain_text_has_no_escapes() {
        assert_eq!(Style::PLAIN.paint(Tone::Bad, "failed"), "failed");
        assert_eq!(
            Style::COLORED.paint(Tone::Bad, "failed"),
            "\x1b[31mfailed\x1b[0m"
        );
        assert_eq!(Style::COLORED.paint(Tone::Plain, "x"), "x");
    }
}
