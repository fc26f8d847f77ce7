//! What a command reports when it fails: one line, maybe a hint, and an exit code.

use crate::exit_code::Exit;
use crate::hint::{HintContext, hint_for};
use crate::output::eprint_line;
use crate::render::style::{Style, Tone};

/// A failure to report on stderr: `error: <message>`, then `hint: <hint>` when one
/// helps. The message is one line and never holds a token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The one-line message.
    pub message: String,
    /// What to try, when something helps.
    pub hint: Option<String>,
    /// The process exit code it leads to.
    pub exit: Exit,
}

impl Failure {
    /// An error (exit code 1).
    pub fn error(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            hint: None,
            exit: Exit::Error,
        }
    }

    /// A wrong command line (exit code 2).
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            hint: Some("see `cloudpartner --help`".to_owned()),
            exit: Exit::Usage,
        }
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Failure {
        self.hint = Some(hint.into());
        self
    }

    /// Sets the exit code.
    pub fn with_exit(mut self, exit: Exit) -> Failure {
        self.exit = exit;
        self
    }

    /// An error of the library: `kind: message (request id …)`, prefixed with what it
    /// was about (`contoso/vm-offer`) when given, with the hint for its kind.
    pub fn from_api(
        error: &cloudpartner::Error,
        subject: Option<&str>,
        context: &HintContext<'_>,
    ) -> Failure {
        let message = match subject {
            Some(subject) => format!("{subject}: {error}"),
            None => error.to_string(),
        };
        Failure {
            message,
            hint: hint_for(error, context),
            exit: Exit::Error,
        }
    }

    /// The error line and the hint line, as printed.
    pub fn lines(&self, style: Style) -> Vec<String> {
        let mut lines = vec![format!(
            "{} {}",
            style.paint(Tone::Bad, "error:"),
            one_line(&self.message)
        )];
        if let Some(hint) = &self.hint {
            lines.push(format!(
                "{} {}",
                style.paint(Tone::Active, "hint:"),
                one_line(hint)
            ));
        }
        lines
    }

    /// Prints the failure on stderr.
    pub fn print(&self, style: Style) {
        for line in self.lines(style) {
            eprint_line(&line);
        }
    }
}

fn one_line(text: &str) -> String {
    if text.contains(['\n', '\r']) {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_is_one_line_and_a_hint() {
        let f = Failure::error("bad\nthing").with_hint("try again");
        assert_eq!(
            f.lines(Style::PLAIN),
            ["error: bad thing", "hint: try again"]
        );
        assert_eq!(Failure::usage("x").exit, Exit::Usage);
    }
}
