//! How `product release` shows the core's release events: one line per phase
//! (`write    configured (job …)`), the product's stage while a phase waits (a line
//! redrawn in place on a terminal, lines otherwise), or one JSON document per line.

use chrono::Utc;
use cloudpartner::Phase;
use cloudpartner::ReleaseEvent;
use cloudpartner::ingestion::IngestionReleaseEvent;
use serde_json::{Map, Value};
use tokio::time::Instant;

use crate::args::ingestion::ProductReleaseArgs;
use crate::json_line::{merge, to_line};
use crate::output::print_line;
use crate::render::duration::format_elapsed;
use crate::render::ingestion::stage::{
    PIPELINE_STEPS, pipeline_done, stage_tone, stage_words, status_value,
};
use crate::render::ingestion::stage_view::StageView;
use crate::render::style::{Style, Tone};

/// The width of the phase column.
const PHASE_WIDTH: usize = 8;

/// The display of a release in progress.
#[derive(Debug)]
pub struct ReleaseLines<'a> {
    args: &'a ProductReleaseArgs,
    product_id: Option<String>,
    style: Style,
    terminal: bool,
    started: Instant,
    phase: Option<Phase>,
    done_shown: bool,
    view: Option<(StageView, Instant)>,
}

impl<'a> ReleaseLines<'a> {
    /// The display of the release of `args`, begun at `started`.
    pub fn new(
        args: &'a ProductReleaseArgs,
        style: Style,
        terminal: bool,
        started: Instant,
    ) -> ReleaseLines<'a> {
        ReleaseLines {
            args,
            product_id: None,
            style,
            terminal,
            started,
            phase: None,
            done_shown: false,
            view: None,
        }
    }

    /// The colours in use.
    pub fn style(&self) -> Style {
        self.style
    }

    /// The phase that runs, once one started.
    pub fn phase(&self) -> Option<Phase> {
        self.phase
    }

    /// `vm-release: release image 2.0.0 of plan standard (until live)`.
    pub fn title_line(&self) {
        let args = self.args;
        let target = if args.dry_run {
            "dry run"
        } else if args.go_live {
            "until live"
        } else {
            "until the preview waits for go-live"
        };
        print_line(&format!(
            "{}: release image {} of plan {} ({target})",
            self.style.paint(Tone::Strong, &args.offer),
            args.image.version,
            args.image.plan
        ));
    }

    /// Shows one event of the release.
    pub fn event(&mut self, event: &IngestionReleaseEvent) {
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
                self.done_shown |= *phase == Phase::Done;
                if let Some(id) = fields.get("productId").and_then(Value::as_str) {
                    self.product_id = Some(id.to_owned());
                }
                let text = if matches!(phase, Phase::Review | Phase::Live) {
                    format!("{summary}, after {}", self.elapsed())
                } else {
                    summary.clone()
                };
                self.line(
                    *phase,
                    &cloudpartner::redact_sas(&text),
                    Value::Object(fields.clone()),
                );
            }
            ReleaseEvent::Status { phase, status } => {
                if self.view.is_none() {
                    self.start_view(*phase);
                }
                let offer = &self.args.offer;
                if let Some((view, since)) = &mut self.view {
                    view.set_done(pipeline_done(&status.stage));
                    view.show(
                        since.elapsed(),
                        &stage_words(status, Utc::now()),
                        stage_tone(&status.stage),
                        status_value(offer, status),
                    );
                }
            }
            _ => {}
        }
    }

    /// Removes the redrawn line of a wait, if any.
    pub fn finish_view(&mut self) {
        if let Some((mut view, _)) = self.view.take() {
            view.finish();
        }
    }

    /// True when the release itself said how it ended (already live).
    pub fn done_shown(&self) -> bool {
        self.done_shown
    }

    /// How long the release has run.
    pub fn elapsed(&self) -> String {
        format_elapsed(self.started.elapsed())
    }

    fn ids(&self) -> Map<String, Value> {
        let mut head = Map::new();
        head.insert("offerId".into(), self.args.offer.clone().into());
        if let Some(id) = self.product_id.clone() {
            head.insert("productId".into(), id.into());
        }
        head
    }

    /// One line of a phase: `write    configured (job …)`, or its JSON document.
    pub fn line(&self, phase: Phase, text: &str, fields: Value) {
        if self.args.json {
            let mut head = Map::new();
            head.insert("phase".into(), phase.label().into());
            head.extend(self.ids());
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

    fn start_view(&mut self, phase: Phase) {
        let mut fields = Map::new();
        fields.insert("phase".into(), phase.label().into());
        fields.extend(self.ids());
        let prefix = format!("{:<PHASE_WIDTH$} ", phase.label());
        let view = StageView::choose(
            self.args.json,
            self.terminal,
            self.style,
            phase.label(),
            Some(PIPELINE_STEPS),
        )
        .with_json_fields(fields)
        .with_line_prefix(&self.style.paint(Tone::Muted, &prefix));
        self.view = Some((view, Instant::now()));
    }
}
