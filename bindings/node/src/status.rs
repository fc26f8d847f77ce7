//! An [`OfferStatus`] handed to JavaScript as a handle (an external value owning a
//! [`StatusCell`]), read lazily: the JavaScript `OfferStatus` asks for its fields on
//! first use. Then [`status_fields`] gives them, the derived values computed by the
//! core, as one flat JSON array of strings and numbers that the JavaScript layer reads
//! in order into the objects of DESIGN §6 (one `JSON.parse` of a flat array and a walk
//! over it: several times faster than setting properties one by one through N-API, or
//! than parsing a JSON document of objects), and [`status_canonical`] the canonical
//! wire JSON that `toJson()` returns.
//!
//! `parseOfferStatus` checks the document at once and leaves the core's typed reading
//! to the first use: the check (`cloudpartner::surely_accepts_offer_status`) is a full JSON read that keeps
//! nothing, several times cheaper than the typed one, and passes only documents the
//! core's lenient reader cannot refuse. Anything else is read by the core at once, so
//! every error is the core's, thrown by `parseOfferStatus` itself.

use cloudpartner::{Link, Message, OfferStatus, Step, TimeFrame};
use napi::bindgen_prelude::External;
use napi_derive::napi;

use crate::error::to_napi;

/// A status, read or still to be read by the core.
pub enum StatusCell {
    /// A document `cloudpartner::surely_accepts_offer_status` passed, to be read on first use.
    Pending(Vec<u8>),
    /// The core's status.
    Parsed(OfferStatus),
    /// What the core said of a pending document (never, if the check is right).
    Failed(cloudpartner::Error),
}

/// A status as the addon hands it to the JavaScript layer.
pub type StatusHandle = External<StatusCell>;

/// The handle of a status.
pub fn handle(status: OfferStatus) -> StatusHandle {
    External::new(StatusCell::Parsed(status))
}

/// The handle of a document the core reads on first use.
pub fn pending(bytes: Vec<u8>) -> StatusHandle {
    External::new(StatusCell::Pending(bytes))
}

/// The status in `cell`, read by the core first if it is pending.
fn read(cell: &mut StatusCell) -> napi::Result<&OfferStatus> {
    if let StatusCell::Pending(bytes) = cell {
        *cell = match cloudpartner::parse_offer_status(bytes) {
            Ok(status) => StatusCell::Parsed(status),
            Err(e) => StatusCell::Failed(e),
        };
    }
    match cell {
        StatusCell::Parsed(status) => Ok(status),
        StatusCell::Failed(e) => Err(to_napi(e)),
        StatusCell::Pending(_) => unreachable!("read just above"),
    }
}

/// The fields of a status, as a flat JSON array (see [`fields`] for the order).
#[napi]
pub fn status_fields(
    #[napi(ts_arg_type = "ExternalObject<'OfferStatus'>")] status: &mut StatusHandle,
) -> napi::Result<String> {
    read(status).map(fields)
}

/// The canonical wire JSON of a status (`toJson()`).
#[napi]
pub fn status_canonical(
    #[napi(ts_arg_type = "ExternalObject<'OfferStatus'>")] status: &mut StatusHandle,
) -> napi::Result<String> {
    read(status).map(OfferStatus::to_json)
}

/// The fields of a status as one flat JSON array of plain values, in this order (the
/// JavaScript `OfferStatus` reads them back in the same order; a flat array of strings
/// and numbers is what `JSON.parse` builds fastest):
///
/// ```text
/// status, rawStatus,
/// messageCount, message…,
/// stepCount, (id, name, description, status, rawStatus, progressPercentage,
///             timeFrameRaw | null, timeFrameMinSeconds | null, timeFrameMaxSeconds | null,
///             messageCount, message…)…,
/// previewLinkCount, (displayText, uri)…, liveLinkCount, (displayText, uri)…,
/// emailCount, email…,
/// isTerminal, needsPublisherAction, currentStepIndex | null, progress,
/// remainingMinSeconds | null, remainingMaxSeconds | null
///
/// message = html, text, level, rawLevel, timestamp (epoch milliseconds) | null
/// ```
///
/// States and levels are the canonical spellings, or `unknown` (the raw spelling beside).
fn fields(s: &OfferStatus) -> String {
    let mut out = Flat::default();
    out.text(state(s.status.as_wire(), s.status.is_unknown()));
    out.text(&s.raw_status);
    out.messages(&s.messages);
    out.count(s.steps.len());
    for step in &s.steps {
        out.step(step);
    }
    out.links(&s.preview_links);
    out.links(&s.live_links);
    out.count(s.notification_emails.len());
    for email in &s.notification_emails {
        out.text(email);
    }
    out.boolean(s.is_terminal());
    out.boolean(s.needs_publisher_action());
    out.optional(s.current_step_index().map(|i| i as f64));
    out.number(s.progress());
    let remaining = s.estimated_remaining();
    out.optional(remaining.map(|(min, _)| min.as_secs_f64()));
    out.optional(remaining.map(|(_, max)| max.as_secs_f64()));
    out.finish()
}

/// A flat JSON array being written.
#[derive(Default)]
struct Flat {
    json: Vec<u8>,
}

impl Flat {
    fn next(&mut self) {
        self.json
            .push(if self.json.is_empty() { b'[' } else { b',' });
    }

    fn text(&mut self, text: &str) {
        self.next();
        // Writing a string into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut self.json, text);
    }

    fn number(&mut self, n: f64) {
        self.next();
        // A non-finite number is written as null (never the case for these fields).
        let _ = serde_json::to_writer(&mut self.json, &n);
    }

    fn count(&mut self, n: usize) {
        self.next();
        let _ = serde_json::to_writer(&mut self.json, &n);
    }

    fn boolean(&mut self, b: bool) {
        self.next();
        self.json
            .extend_from_slice(if b { b"true" } else { b"false" });
    }

    fn optional(&mut self, n: Option<f64>) {
        match n {
            Some(n) => self.number(n),
            None => {
                self.next();
                self.json.extend_from_slice(b"null");
            }
        }
    }

    fn optional_text(&mut self, text: Option<&str>) {
        match text {
            Some(text) => self.text(text),
            None => {
                self.next();
                self.json.extend_from_slice(b"null");
            }
        }
    }

    fn messages(&mut self, messages: &[Message]) {
        self.count(messages.len());
        for m in messages {
            self.text(&m.html);
            self.text(&m.text);
            self.text(state(m.level.as_wire(), m.level.is_unknown()));
            self.text(&m.raw_level);
            self.optional(m.timestamp.map(|t| t.timestamp_millis() as f64));
        }
    }

    fn step(&mut self, s: &Step) {
        self.text(&s.id);
        self.text(&s.name);
        self.text(&s.description);
        self.text(state(s.status.as_wire(), s.status.is_unknown()));
        self.text(&s.raw_status);
        self.count(usize::from(s.progress_percentage));
        let frame: Option<&TimeFrame> = s.estimated_time_frame.as_ref();
        self.optional_text(frame.map(TimeFrame::raw));
        self.optional(frame.and_then(TimeFrame::min).map(|d| d.as_secs_f64()));
        self.optional(frame.and_then(TimeFrame::max).map(|d| d.as_secs_f64()));
        self.messages(&s.messages);
    }

    fn links(&mut self, links: &[Link]) {
        self.count(links.len());
        for l in links {
            self.text(&l.display_text);
            self.text(&l.uri);
        }
    }

    fn finish(mut self) -> String {
        if self.json.is_empty() {
            self.json.push(b'[');
        }
        self.json.push(b']');
        // serde_json writes UTF-8, and so do the literals above.
        String::from_utf8(self.json).unwrap_or_default()
    }
}

/// The state spelling of the contract: canonical, or `"unknown"` with the raw
/// spelling kept beside it.
pub(crate) fn state(canonical: &str, unknown: bool) -> &str {
    if unknown { "unknown" } else { canonical }
}
