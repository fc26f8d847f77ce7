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
    /// Lines under the message (e.g. the error messages of a rejected step), printed
    /// indented before the hint.
    pub details: Vec<String>,
    /// What to try, when something helps.
    pub hint: Option<String>,
    /// The API error it comes from, as a JSON line shows it (`{"kind", "message",
    /// "statusCode", "apiCode", "requestId"}`).
    pub api_error: Option<Box<serde_json::Value>>,
    /// The process exit code it leads to.
    pub exit: Exit,
}

impl Failure {
    /// An error (exit code 1).
    pub fn error(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            details: Vec::new(),
            hint: None,
            api_error: None,
            exit: Exit::Error,
        }
    }

    /// A wrong command line (exit code 2).
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            details: Vec::new(),
            hint: Some("see `cloudpartner --help`".to_owned()),
            api_error: None,
            exit: Exit::Usage,
        }
    }

    /// Adds a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Failure {
        self.hint = Some(hint.into());
        self
    }

    /// Replaces the hint when `error` is a 404 about a part of the offer (a slot, a
    /// version, an operation) rather than about the publisher or the offer itself.
    pub fn when_part_missing(
        self,
        error: &cloudpartner::Error,
        hint: impl Into<String>,
    ) -> Failure {
        if crate::hint::part_is_missing(error) {
            self.with_hint(hint)
        } else {
            self
        }
    }

    /// Adds lines under the message.
    pub fn with_details(mut self, details: Vec<String>) -> Failure {
        self.details = details;
        self
    }

    /// Puts `prefix: ` before the message.
    pub fn in_context(mut self, prefix: &str) -> Failure {
        self.message = format!("{prefix}: {}", self.message);
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
            details: Vec::new(),
            hint: hint_for(error, context),
            api_error: Some(Box::new(crate::json_line::error_value(error))),
            exit: Exit::Error,
        }
    }

    /// The error as a JSON value: the API error's fields when it comes from one, else
    /// `{"kind": null, "message"}`.
    pub fn error_value(&self) -> serde_json::Value {
        self.api_error.as_deref().cloned().unwrap_or_else(|| {
            serde_json::json!({
                "kind": serde_json::Value::Null,
                "message": self.message,
                "statusCode": serde_json::Value::Null,
                "apiCode": serde_json::Value::Null,
                "requestId": serde_json::Value::Null,
            })
        })
    }

    /// The error line and the hint line, as printed.
    pub fn lines(&self, style: Style) -> Vec<String> {
        let mut lines = vec![format!(
            "{} {}",
            style.paint(Tone::Bad, "error:"),
            one_line(&self.message)
        )];
        lines.extend(self.details.iter().map(|d| format!("  {}", one_line(d))));
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
        let f = f.with_details(vec!["Certification: not\ngeneralized".into()]);
        assert_eq!(
            f.lines(Style::PLAIN),
            [
                "error: bad thing",
                "  Certification: not generalized",
                "hint: try again"
            ]
        );
        assert_eq!(Failure::usage("x").exit, Exit::Usage);
    }
}
