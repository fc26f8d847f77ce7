//! The human report of one offer: a header, the table of steps, the current step, what
//! is left, warnings and errors, and links.

use cloudpartner::{Message, MessageLevel, OfferStatus, Step, StepState};

use super::state_label::{level_label, offer_state_label, step_state_label};
use crate::render::duration::format_remaining;
use crate::render::progress_bar::{progress_cell, whole_percent};
use crate::render::style::{Style, Tone};
use crate::render::table::{Cell, Table};

const INDENT: &str = "  ";

/// The report of `status` under `title` (`contoso/vm-offer`, or a file name), as lines
/// joined with `\n` and ending with one.
pub fn render_offer_report(title: &str, status: &OfferStatus, style: Style) -> String {
    let mut text = header(title, status, style);
    text.push('\n');
    text.push_str(&render_report_body(status, style));
    text
}

/// The report under its header line: the steps, the details, the messages, the links.
pub fn render_report_body(status: &OfferStatus, style: Style) -> String {
    let mut lines = Vec::new();
    if status.steps.is_empty() {
        lines.push(format!(
            "{INDENT}{}",
            style.paint(Tone::Muted, "no publish steps")
        ));
    } else {
        lines.extend(steps_table(status).render(style, INDENT));
    }
    lines.extend(details(status, style));
    lines.extend(messages(status, style));
    lines.extend(links(status));
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// `contoso/vm-offer  running · 27% done`
fn header(title: &str, status: &OfferStatus, style: Style) -> String {
    let (state, tone) = offer_state_label(&status.status);
    let mut line = format!(
        "{}  {}",
        style.paint(Tone::Strong, title),
        style.paint(tone, &state)
    );
    if !status.steps.is_empty() && !status.is_terminal() {
        line.push_str(&format!(" · {}% done", whole_percent(status.progress())));
    }
    line
}

/// What a step's bar shows: 100 % once complete, whatever the service said.
fn shown_percent(step: &Step) -> u8 {
    if step.status == StepState::Complete {
        100
    } else {
        step.progress_percentage.min(100)
    }
}

fn steps_table(status: &OfferStatus) -> Table {
    let mut table = Table::new(&["STEP", "STATE", "PROGRESS", "TIME FRAME"]);
    let current = status.current_step_index();
    for (index, step) in status.steps.iter().enumerate() {
        let (state, tone) = step_state_label(&step.status);
        let name = if step.name.is_empty() {
            step.id.clone()
        } else {
            step.name.clone()
        };
        let name_tone = if Some(index) == current {
            Tone::Strong
        } else {
            Tone::Plain
        };
        table.push(vec![
            Cell::new(name, name_tone),
            Cell::new(state, tone),
            Cell::new(progress_cell(shown_percent(step)), tone),
            Cell::new(
                step.estimated_time_frame
                    .as_ref()
                    .map_or("", |t| t.raw())
                    .to_owned(),
                Tone::Muted,
            ),
        ]);
    }
    table
}

fn detail(label: &str, value: String) -> String {
    format!("{INDENT}{:<14}{value}", format!("{label}:"))
}

/// The current step, the remaining estimate and whether the publisher must act.
fn details(status: &OfferStatus, style: Style) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(step) = status.current_step() {
        let (state, tone) = step_state_label(&step.status);
        let name = if step.name.is_empty() {
            &step.id
        } else {
            &step.name
        };
        lines.push(detail(
            "current step",
            format!(
                "{} ({}, {}%)",
                style.paint(Tone::Strong, name),
                style.paint(tone, &state),
                shown_percent(step)
            ),
        ));
    }
    if let Some((min, max)) = status.estimated_remaining() {
        lines.push(detail("remaining", format_remaining(min, max)));
    }
    if status.needs_publisher_action() && !status.is_terminal() {
        lines.push(detail(
            "action",
            style.paint(
                Tone::Attention,
                "review the preview, then make the offer live (Partner Center: Go live)",
            ),
        ));
    }
    lines
}

/// Warnings and errors of the offer and its steps, oldest first within each; a count
/// of the information messages left out.
fn messages(status: &OfferStatus, style: Style) -> Vec<String> {
    let all = status.messages.iter().map(|m| (None, m)).chain(
        status
            .steps
            .iter()
            .flat_map(|s| s.messages.iter().map(move |m| (Some(s), m))),
    );
    let mut lines = Vec::new();
    let mut hidden = 0;
    for (step, message) in all {
        if matches!(
            message.level,
            MessageLevel::Information | MessageLevel::Unknown(_)
        ) {
            hidden += 1;
            continue;
        }
        lines.push(message_line(step, message, style));
    }
    if hidden > 0 {
        let plural = if hidden == 1 { "" } else { "s" };
        lines.push(format!(
            "{INDENT}{}",
            style.paint(
                Tone::Muted,
                &format!("{hidden} information message{plural} not shown (--json has them all)")
            )
        ));
    }
    lines
}

/// `  error    2018-03-16 17:50 UTC  Certification: the image is not generalized`
fn message_line(step: Option<&Step>, message: &Message, style: Style) -> String {
    let (level, tone) = level_label(&message.level);
    let when = message
        .timestamp
        .map(|t| format!("  {}", t.format("%Y-%m-%d %H:%M UTC")))
        .unwrap_or_default();
    let place = step
        .map(|s| {
            if s.name.is_empty() {
                s.id.as_str()
            } else {
                s.name.as_str()
            }
        })
        .unwrap_or("offer");
    format!(
        "{INDENT}{}{}  {place}: {}",
        style.paint(tone, &format!("{level:<7}")),
        style.paint(Tone::Muted, &when),
        message.text
    )
}

fn links(status: &OfferStatus) -> Vec<String> {
    let describe = |link: &cloudpartner::Link| {
        if link.display_text.is_empty() || link.display_text == link.uri {
            link.uri.clone()
        } else {
            format!("{} ({})", link.uri, link.display_text)
        }
    };
    let preview = status
        .preview_links
        .iter()
        .map(|l| detail("preview", describe(l)));
    let live = status
        .live_links
        .iter()
        .map(|l| detail("live", describe(l)));
    preview.chain(live).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const RUNNING: &str = r#"{"status": "running", "steps": [
        {"id": "a", "stepName": "Validate Pre-Requisites", "status": "complete",
         "estimatedTimeFrame": "< 15 min", "progressPercentage": 0},
        {"id": "b", "stepName": "Certification", "status": "inProgress",
         "estimatedTimeFrame": "~2-3 days", "progressPercentage": 40, "messages": [
            {"messageHtml": "Step started.", "level": "information"},
            {"messageHtml": "<b>Slow</b> scan", "level": "warning",
             "timestamp": "2018-03-16T17:50:45.7215661Z"}]},
        {"id": "c", "stepName": "Live", "status": "notStarted", "estimatedTimeFrame": "< 1 hour"}
    ]}"#;

    #[test]
    fn a_running_offer_shows_steps_current_step_and_what_is_left() {
        let status = cloudpartner::parse_offer_status(RUNNING.as_bytes()).unwrap();
        let report = render_offer_report("contoso/vm-offer", &status, Style::PLAIN);
        let expected = "\
contoso/vm-offer  running · 46% done
  STEP                     STATE        PROGRESS           TIME FRAME
  Validate Pre-Requisites  complete     [##########] 100%  < 15 min
  Certification            in progress  [####------]  40%  ~2-3 days
  Live                     not started  [----------]   0%  < 1 hour
  current step: Certification (in progress, 40%)
  remaining:    28–45 hours left
  warning  2018-03-16 17:50 UTC  Certification: Slow scan
  1 information message not shown (--json has them all)
";
        assert_eq!(report, expected);
    }

    #[test]
    fn an_offer_without_steps_says_so() {
        let status = cloudpartner::parse_offer_status(br#"{"status":"neverPublished"}"#).unwrap();
        let report = render_offer_report("x", &status, Style::PLAIN);
        assert_eq!(report, "x  never published\n  no publish steps\n");
    }

    #[test]
    fn review_asks_for_action_and_shows_links() {
        let status = cloudpartner::parse_offer_status(
            br#"{"status":"waitingForPublisherReview","previewLinks":[{"displayText":"Preview","uri":"https://p"}],
                "liveLinks":["https://l"]}"#,
        )
        .unwrap();
        let report = render_offer_report("x", &status, Style::PLAIN);
        assert!(
            report.contains("  action:       review the preview"),
            "{report}"
        );
        assert!(
            report.contains("  preview:      https://p (Preview)\n"),
            "{report}"
        );
        assert!(report.contains("  live:         https://l\n"), "{report}");
    }
}
