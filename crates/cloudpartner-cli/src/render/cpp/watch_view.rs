//! How a watch shows its changes: a redrawn progress bar on a terminal, one line per
//! change otherwise, or one JSON document per change.

use std::time::Duration;

use cloudpartner::{OfferStatus, StepState};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{Map, Value};

use crate::json_line::{merge, to_line};
use crate::output::print_line;
use crate::render::cpp::change_line::{change_line, summary};
use crate::render::cpp::state_label::{offer_state_label, step_state_label};
use crate::render::progress_bar::whole_percent;
use crate::render::style::{Style, Tone};

/// The display of a running watch.
#[derive(Debug)]
pub enum WatchView {
    /// A progress bar redrawn in place, step changes printed above it.
    Progress {
        /// The bar (length 100: the overall percentage).
        bar: ProgressBar,
        /// The last status shown, to spot steps that changed.
        last: Option<OfferStatus>,
        /// Colour.
        style: Style,
        /// Put before each step change printed above the bar.
        prefix: String,
    },
    /// One line per change.
    Lines {
        /// Colour.
        style: Style,
        /// Put before each line (a phase of `release`).
        prefix: String,
    },
    /// One canonical JSON document per change.
    Json {
        /// Fields put before the document's (ids, a phase); none: the document alone.
        fields: Map<String, Value>,
    },
}

impl WatchView {
    /// JSON when asked; a progress bar when stdout is a terminal; lines otherwise.
    pub fn choose(json: bool, terminal: bool, style: Style, title: &str) -> WatchView {
        if json {
            WatchView::Json { fields: Map::new() }
        } else if terminal {
            WatchView::progress(title, style)
        } else {
            WatchView::Lines {
                style,
                prefix: String::new(),
            }
        }
    }

    /// JSON lines start with these fields.
    pub fn with_json_fields(mut self, with: Map<String, Value>) -> WatchView {
        if let WatchView::Json { fields } = &mut self {
            *fields = with;
        }
        self
    }

    /// Change lines (and the step changes above a progress bar) start with this prefix.
    pub fn with_line_prefix(mut self, with: &str) -> WatchView {
        if let WatchView::Lines { prefix, .. } | WatchView::Progress { prefix, .. } = &mut self {
            *prefix = with.to_owned();
        }
        self
    }

    fn progress(title: &str, style: Style) -> WatchView {
        let template = if style.is_colored() {
            "{spinner:.cyan} {prefix:.bold} [{bar:20.cyan/blue}] {pos:>3}%  {wide_msg}"
        } else {
            "{spinner} {prefix} [{bar:20}] {pos:>3}%  {wide_msg}"
        };
        let bar_style = ProgressStyle::with_template(template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("#>-");
        let bar = ProgressBar::with_draw_target(Some(100), ProgressDrawTarget::stdout())
            .with_style(bar_style)
            .with_prefix(title.to_owned());
        bar.set_message("fetching the status…");
        bar.enable_steady_tick(Duration::from_millis(120));
        WatchView::Progress {
            bar,
            last: None,
            style,
            prefix: String::new(),
        }
    }

    /// Shows a changed status, `elapsed` after the watch started.
    pub fn show(&mut self, status: &OfferStatus, elapsed: Duration) {
        match self {
            WatchView::Json { fields } if fields.is_empty() => print_line(&status.to_json()),
            WatchView::Json { fields } => {
                print_line(&to_line(&merge(fields.clone(), status.to_value())));
            }
            WatchView::Lines { style, prefix } => {
                print_line(&format!("{prefix}{}", change_line(elapsed, status, *style)));
            }
            WatchView::Progress {
                bar,
                last,
                style,
                prefix,
            } => {
                for line in step_changes(last.as_ref(), status, *style) {
                    bar.println(format!("{prefix}{line}"));
                }
                let (state, tone) = offer_state_label(&status.status);
                let summary = summary(status, *style);
                let message = if summary.is_empty() {
                    style.paint(tone, &state)
                } else {
                    format!("{} · {summary}", style.paint(tone, &state))
                };
                bar.set_position(u64::from(whole_percent(status.progress())));
                bar.set_message(message);
                *last = Some(status.clone());
            }
        }
    }

    /// Removes the progress bar, if any, before the final output.
    pub fn finish(&mut self) {
        if let WatchView::Progress { bar, .. } = self {
            bar.finish_and_clear();
        }
    }
}

/// Lines for steps whose state changed since `before`: `✓ Certification  complete`.
fn step_changes(before: Option<&OfferStatus>, now: &OfferStatus, style: Style) -> Vec<String> {
    let Some(before) = before else {
        return Vec::new();
    };
    now.steps
        .iter()
        .enumerate()
        .filter(|(index, step)| {
            let previous = before
                .steps
                .iter()
                .find(|s| !s.id.is_empty() && s.id == step.id)
                .or_else(|| before.steps.get(*index));
            previous.is_none_or(|p| p.status != step.status)
        })
        .map(|(_, step)| {
            let (state, tone) = step_state_label(&step.status);
            let mark = match step.status {
                StepState::Complete => "✓",
                StepState::Rejected => "✗",
                StepState::InProgress => "▸",
                _ => "•",
            };
            let name = if step.name.is_empty() {
                &step.id
            } else {
                &step.name
            };
            format!(
                "{} {}  {}",
                style.paint(tone, mark),
                style.paint(Tone::Strong, name),
                style.paint(tone, &state)
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_steps_that_changed_are_announced() {
        let before = cloudpartner::parse_offer_status(
            br#"{"status":"running","steps":[{"id":"a","stepName":"A","status":"inProgress"},
                {"id":"b","stepName":"B","status":"notStarted"}]}"#,
        )
        .unwrap();
        let now = cloudpartner::parse_offer_status(
            br#"{"status":"running","steps":[{"id":"a","stepName":"A","status":"complete"},
                {"id":"b","stepName":"B","status":"inProgress"}]}"#,
        )
        .unwrap();
        assert_eq!(
            step_changes(Some(&before), &now, Style::PLAIN),
            ["✓ A  complete", "▸ B  in progress"]
        );
        assert!(step_changes(Some(&now), &now, Style::PLAIN).is_empty());
        assert!(step_changes(None, &now, Style::PLAIN).is_empty());
    }
}
