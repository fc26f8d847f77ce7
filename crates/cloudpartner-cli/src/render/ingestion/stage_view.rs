//! How a wait on the Product Ingestion API shows its changes: a progress bar redrawn in
//! place on a terminal (the steps of the pipeline done, each change printed above it;
//! a spinner where there are no steps), one line per change otherwise, or one JSON
//! document per change.

use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{Map, Value};

use crate::json_line::{merge, to_line};
use crate::output::print_line;
use crate::render::duration::format_elapsed;
use crate::render::style::{Style, Tone};

/// The display of a running wait.
#[derive(Debug)]
pub enum StageView {
    /// A line redrawn in place, changes printed above it.
    Progress {
        /// The bar.
        bar: ProgressBar,
        /// Put before each change line.
        prefix: String,
        /// Colour.
        style: Style,
    },
    /// One line per change.
    Lines {
        /// Put before each line.
        prefix: String,
        /// Colour.
        style: Style,
    },
    /// One JSON document per change, after these fields.
    Json {
        /// The fields first (ids, a phase).
        fields: Map<String, Value>,
    },
}

impl StageView {
    /// JSON when asked; a redrawn line on a terminal (a bar of `steps` when given);
    /// lines otherwise.
    pub fn choose(
        json: bool,
        terminal: bool,
        style: Style,
        title: &str,
        steps: Option<u64>,
    ) -> StageView {
        if json {
            StageView::Json { fields: Map::new() }
        } else if terminal {
            let template = match (steps.is_some(), style.is_colored()) {
                (true, true) => {
                    "{spinner:.cyan} {prefix:.bold} [{bar:20.cyan/blue}] {pos}/{len} {elapsed_precise}  {wide_msg}"
                }
                (true, false) => {
                    "{spinner} {prefix} [{bar:20}] {pos}/{len} {elapsed_precise}  {wide_msg}"
                }
                (false, true) => "{spinner:.cyan} {prefix:.bold} {elapsed_precise}  {wide_msg}",
                (false, false) => "{spinner} {prefix} {elapsed_precise}  {wide_msg}",
            };
            let bar = ProgressBar::with_draw_target(steps, ProgressDrawTarget::stdout())
                .with_style(
                    ProgressStyle::with_template(template)
                        .unwrap_or_else(|_| ProgressStyle::default_spinner())
                        .progress_chars("#>-"),
                )
                .with_prefix(title.to_owned());
            bar.set_message("fetching the status…");
            bar.enable_steady_tick(Duration::from_millis(120));
            StageView::Progress {
                bar,
                prefix: String::new(),
                style,
            }
        } else {
            StageView::Lines {
                prefix: String::new(),
                style,
            }
        }
    }

    /// JSON lines start with these fields.
    pub fn with_json_fields(mut self, with: Map<String, Value>) -> StageView {
        if let StageView::Json { fields } = &mut self {
            *fields = with;
        }
        self
    }

    /// Change lines start with this prefix.
    pub fn with_line_prefix(mut self, with: &str) -> StageView {
        if let StageView::Lines { prefix, .. } | StageView::Progress { prefix, .. } = &mut self {
            *prefix = with.to_owned();
        }
        self
    }

    /// Shows a change: `text` painted with `tone` (people), `document` (JSON).
    pub fn show(&mut self, elapsed: Duration, text: &str, tone: Tone, document: Value) {
        match self {
            StageView::Json { fields } => print_line(&to_line(&merge(fields.clone(), document))),
            StageView::Lines { prefix, style } => print_line(&format!(
                "{prefix}{}  {}",
                style.paint(Tone::Muted, &format_elapsed(elapsed)),
                style.paint(tone, text)
            )),
            StageView::Progress { bar, prefix, style } => {
                bar.println(format!(
                    "{prefix}{}  {}",
                    style.paint(Tone::Muted, &format_elapsed(elapsed)),
                    style.paint(tone, text)
                ));
                bar.set_message(style.paint(tone, text));
            }
        }
    }

    /// Sets how many steps are done (the bar on a terminal).
    pub fn set_done(&mut self, done: u64) {
        if let StageView::Progress { bar, .. } = self {
            bar.set_position(done);
        }
    }

    /// Removes the redrawn line, if any.
    pub fn finish(&mut self) {
        if let StageView::Progress { bar, .. } = self {
            bar.finish_and_clear();
        }
    }
}
