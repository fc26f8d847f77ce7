//! How `release` shows the core's release events: one line per phase (`write    offer
//! version 2 written`), the watch's changes while a phase waits (a progress bar on a
//! terminal, lines otherwise), or one JSON document per line.

use cloudpartner::{CppReleaseEvent, Phase, ReleaseEvent};
use serde_json::{Map, Value, json};
use tokio::time::Instant;

use crate::args::ReleaseArgs;
use crate::json_line::{merge, to_line};
use crate::output::print_line;
use crate::render::cpp::watch_view::WatchView;
use crate::render::duration::format_elapsed;
use crate::render::style::{Style, Tone};

/// The width of the phase column.
const PHASE_WIDTH: usize = 8;

/// The display of a release in progress.
#[derive(Debug)]
pub struct ReleaseLines<'a> {
    args: &'a ReleaseArgs,
    style: Style,
    terminal: bool,
    started: Instant,
    /// The phase that runs (the last one started).
    phase: Option<Phase>,
    /// While a phase waits: its view, and when the wait began.
    view: Option<(WatchView, Instant)>,
}

impl<'a> ReleaseLines<'a> {
    /// The display of the release of `args`, begun at `started`.
    pub fn new(
        args: &'a ReleaseArgs,
        style: Style,
        terminal: bool,
        started: Instant,
    ) -> ReleaseLines<'a> {
        ReleaseLines {
            args,
            style,
            terminal,
            started,
            phase: None,
            view: None,
        }
    }

    /// `contoso/vm-release`.
    pub fn title(&self) -> String {
        format!("{}/{}", self.args.publisher, self.args.offer)
    }

    /// The colours in use.
    pub fn style(&self) -> Style {
        self.style
    }

    /// The phase that runs, once one started.
    pub fn phase(&self) -> Option<Phase> {
        self.phase
    }

    /// `contoso/vm-release: release image 2.0.0 of plan standard (until live)`.
    pub fn title_line(&self) {
        let args = self.args;
        let target = if args.go_live { "live" } else { "review" };
        print_line(&format!(
            "{}: release image {} of plan {} (until {target})",
            self.style.paint(Tone::Strong, &self.title()),
            args.image.version,
            args.image.plan
        ));
    }

    /// Shows one event of the release.
    pub fn event(&mut self, event: &CppReleaseEvent) {
        match event {
            ReleaseEvent::PhaseStarted { phase } => {
                self.finish_view();
                self.phase = Some(*phase);
                if matches!(phase, Phase::Review | Phase::Live) {
                    self.start_view(*phase);
                }
            }
            ReleaseEvent::PhaseFinished {
                phase,
                summary,
                fields,
            } => {
                self.finish_view();
                let text = if *phase == Phase::Review {
                    format!("{summary}, after {}", self.elapsed())
                } else {
                    summary.clone()
                };
                self.line(*phase, &text, Value::Object(fields.clone()));
            }
            ReleaseEvent::Status { phase, status } => {
                if self.view.is_none() {
                    self.start_view(*phase);
                }
                if let Some((view, since)) = &mut self.view {
                    view.show(status, since.elapsed());
                }
            }
            _ => {}
        }
    }

    /// Removes the progress bar of a wait, if any.
    pub fn finish_view(&mut self) {
        if let Some((mut view, _)) = self.view.take() {
            view.finish();
        }
    }

    /// The last line of a release that went live.
    pub fn live_line(&self, version: i64) {
        let args = self.args;
        self.line(
            Phase::Done,
            &format!(
                "{} is live with image {} of plan {} (offer version {version}), after {}",
                self.title(),
                args.image.version,
                args.image.plan,
                self.elapsed()
            ),
            json!({"result": "live", "exitCode": 0}),
        );
    }

    /// One line of a phase: `write    offer version 2 written`, or its JSON document.
    pub fn line(&self, phase: Phase, text: &str, fields: Value) {
        if self.args.json {
            let mut head = Map::new();
            head.insert("phase".into(), phase.label().into());
            head.insert("publisherId".into(), self.args.publisher.clone().into());
            head.insert("offerId".into(), self.args.offer.clone().into());
            print_line(&to_line(&merge(head, fields)));
        } else {
            let label = format!("{:<PHASE_WIDTH$}", phase.label());
            let tone = match phase {
                Phase::Done => Tone::Good,
                _ => Tone::Active,
            };
            print_line(&format!("{} {text}", self.style.paint(tone, &label)));
        }
    }

    fn elapsed(&self) -> String {
        format_elapsed(self.started.elapsed())
    }

    fn start_view(&mut self, phase: Phase) {
        let mut fields = Map::new();
        fields.insert("phase".into(), phase.label().into());
        fields.insert("publisherId".into(), self.args.publisher.clone().into());
        fields.insert("offerId".into(), self.args.offer.clone().into());
        let prefix = format!("{:<PHASE_WIDTH$} ", phase.label());
        let view = WatchView::choose(self.args.json, self.terminal, self.style, phase.label())
            .with_json_fields(fields)
            .with_line_prefix(&self.style.paint(Tone::Muted, &prefix));
        self.view = Some((view, Instant::now()));
    }
}
