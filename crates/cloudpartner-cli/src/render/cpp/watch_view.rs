//! How a watch shows its changes: a redrawn progress bar on a terminal; otherwise one
//! line each time the state, the current step or its state changes, or the step's
//! progress passes a quarter (a log stays readable however fast the polls come); or one
//! JSON document per change.

use std::time::Duration;

use cloudpartner::{OfferState, OfferStatus, StepState};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{Map, Value};

use crate::json_line::{merge, to_line};
use crate::output::print_line;
use crate::render::cpp::change_line::{change_line, summary};
use crate::render::cpp::state_label::{offer_state_label, step_state_label};
use crate::render::progress_bar::whole_percent;
use crate::render::style::{Style, Tone};

/// What a line of a watch stands for: the state, and the current step with its state
/// and the quarter its progress is in. A status with the same key as the last line
/// printed gets no line of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineKey {
    state: OfferState,
    step: Option<(usize, StepState, u8)>,
}

impl LineKey {
    /// The key of `status`.
    fn of(status: &OfferStatus) -> LineKey {
        LineKey {
            state: status.status.clone(),
            step: status.current_step_index().map(|index| {
                let step = &status.steps[index];
                (
                    index,
                    step.status.clone(),
                    step.progress_percentage.min(100) / 25,
                )
            }),
        }
    }
}

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
    /// One line per change worth a line ([`LineKey`]).
    Lines {
        /// Colour.
        style: Style,
        /// Put before each line (a phase of `release`).
        prefix: String,
        /// What the last line printed showed.
        shown: Option<LineKey>,
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
                shown: None,
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
            WatchView::Lines {
                style,
                prefix,
                shown,
            } => {
                let key = LineKey::of(status);
                if shown.as_ref() != Some(&key) {
                    print_line(&format!("{prefix}{}", change_line(elapsed, status, *style)));
                    *shown = Some(key);
                }
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

    #[test]
    fn a_line_for_a_new_state_step_or_quarter_only() {
        let status = |state: &str, a: &str, a_pct: u8, b: &str| {
            cloudpartner::parse_offer_status(
                format!(
                    r#"{{"status":"{state}","steps":[
                    {{"id":"a","stepName":"A","status":"{a}","progressPercentage":{a_pct}}},
                    {{"id":"b","stepName":"B","status":"{b}","progressPercentage":0}}]}}"#
                )
                .as_bytes(),
            )
            .unwrap()
        };
        let key = |s: &OfferStatus| LineKey::of(s);
        let running = |pct| status("running", "inProgress", pct, "notStarted");
        assert_eq!(key(&running(2)), key(&running(24)));
        assert_ne!(key(&running(24)), key(&running(25)));
        assert_eq!(key(&running(51)), key(&running(74)));
        assert_ne!(
            key(&running(99)),
            key(&status("running", "complete", 100, "inProgress"))
        );
        assert_ne!(
            key(&status("running", "complete", 100, "inProgress")),
            key(&status(
                "running",
                "complete",
                100,
                "waitingForPublisherReview"
            ))
        );
        assert_ne!(
            key(&status("running", "complete", 100, "complete")),
            key(&status("succeeded", "complete", 100, "complete"))
        );
    }
}
