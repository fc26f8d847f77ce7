//! Faults: misbehaviour injected into the status endpoint, so clients can be
//! tested against errors, slowness and broken responses.

use serde::Deserialize;

/// A fault injected into the status endpoint.
///
/// Faults apply only to `GET …/status`, after the authentication, api-version
/// and not-found checks. `latency` faults always apply (each matching one adds
/// its delay); of the other kinds, the first matching fault with firings left
/// answers the request. Every firing uses up one of its `times`.
///
/// In a scenario file a fault is a flat JSON object:
/// `{"kind": "status", "status": 503, "retryAfterSeconds": 2, "offerId": "vm-offer", "times": 2}`.
///
/// ```
/// use cloudpartner_emulator::{Fault, FaultKind};
/// let fault = Fault::new(FaultKind::Status { status: 503, retry_after_seconds: None })
///     .for_offer("vm-offer")
///     .times(2);
/// assert_eq!(fault.times, Some(2));
/// ```
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(try_from = "FaultSpec")]
pub struct Fault {
    /// What the fault does.
    pub kind: FaultKind,
    /// Only requests for this offer id (decoded) are affected; all when `None`.
    pub offer_id: Option<String>,
    /// Only requests for this publisher id (decoded) are affected; all when `None`.
    pub publisher_id: Option<String>,
    /// How many more times the fault fires; for ever when `None`.
    pub times: Option<u32>,
}

/// What a [`Fault`] does to a request.
#[derive(Clone, Debug, PartialEq)]
pub enum FaultKind {
    /// Answer with this HTTP status and a JSON error body
    /// `{"error":{"code","message"}}`; `retry_after_seconds` adds `Retry-After`.
    Status {
        /// The HTTP status code (200..=599).
        status: u16,
        /// The value of a `Retry-After` header, in seconds.
        retry_after_seconds: Option<u64>,
    },
    /// Delay the response by `ms` milliseconds; the request then goes on to
    /// the other faults and the normal answer.
    Latency {
        /// The delay in milliseconds.
        ms: u64,
    },
    /// Answer 200 `application/json` with broken JSON: the real document with
    /// a quote removed.
    Malformed,
    /// Answer with an HTML gateway error page (`text/html`).
    Html {
        /// The HTTP status code (default 502).
        status: u16,
        /// The value of a `Retry-After` header, in seconds.
        retry_after_seconds: Option<u64>,
    },
    /// Close the connection without sending any response bytes.
    Reset,
    /// Send the real document, but only `bytes_per_second` bytes per second.
    SlowBody {
        /// The transfer rate (at least 1).
        bytes_per_second: u64,
    },
    /// Send a valid 200 JSON document of at least `bytes` bytes, chunked,
    /// without `Content-Length`.
    Oversize {
        /// The minimum body size.
        bytes: u64,
    },
    /// Redirect to `location`, in which `{path}` is replaced by the request's
    /// path and query.
    Redirect {
        /// The `Location` header, with `{path}` as a placeholder.
        location: String,
        /// The redirect status code (default 307).
        status: u16,
    },
}

impl Fault {
    /// A fault of this kind, for every offer, firing for ever.
    pub fn new(kind: FaultKind) -> Fault {
        Fault {
            kind,
            offer_id: None,
            publisher_id: None,
            times: None,
        }
    }

    /// Limits the fault to requests for one offer id.
    pub fn for_offer(mut self, offer_id: impl Into<String>) -> Fault {
        self.offer_id = Some(offer_id.into());
        self
    }

    /// Limits the fault to requests for one publisher id.
    pub fn for_publisher(mut self, publisher_id: impl Into<String>) -> Fault {
        self.publisher_id = Some(publisher_id.into());
        self
    }

    /// Limits how many times the fault fires.
    pub fn times(mut self, times: u32) -> Fault {
        self.times = Some(times);
        self
    }

    /// Parses a fault from its scenario JSON, e.g. `{"kind":"latency","ms":20}`.
    pub fn from_json_str(json: &str) -> Result<Fault, crate::ScenarioError> {
        crate::scenario::parse_json(json, None)
    }

    /// Whether the fault applies to a request for this offer and still has
    /// firings left.
    pub(crate) fn applies_to(&self, publisher_id: &str, offer_id: &str) -> bool {
        self.times != Some(0)
            && self.offer_id.as_deref().is_none_or(|id| id == offer_id)
            && self
                .publisher_id
                .as_deref()
                .is_none_or(|id| id == publisher_id)
    }

    /// Uses up one firing.
    pub(crate) fn fire(&mut self) {
        if let Some(times) = &mut self.times {
            *times = times.saturating_sub(1);
        }
    }
}

/// The names of fault kinds in scenario files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
enum FaultKindName {
    Status,
    Latency,
    Malformed,
    Html,
    Reset,
    SlowBody,
    Oversize,
    Redirect,
}

impl FaultKindName {
    fn as_str(self) -> &'static str {
        match self {
            FaultKindName::Status => "status",
            FaultKindName::Latency => "latency",
            FaultKindName::Malformed => "malformed",
            FaultKindName::Html => "html",
            FaultKindName::Reset => "reset",
            FaultKindName::SlowBody => "slowBody",
            FaultKindName::Oversize => "oversize",
            FaultKindName::Redirect => "redirect",
        }
    }
}

/// A fault as written in a scenario file: every field of every kind, checked
/// against the kind when converted into a [`Fault`].
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct FaultSpec {
    kind: FaultKindName,
    offer_id: Option<String>,
    publisher_id: Option<String>,
    times: Option<u32>,
    status: Option<u16>,
    retry_after_seconds: Option<u64>,
    ms: Option<u64>,
    bytes_per_second: Option<u64>,
    bytes: Option<u64>,
    location: Option<String>,
}

impl TryFrom<FaultSpec> for Fault {
    type Error = String;

    fn try_from(spec: FaultSpec) -> Result<Fault, String> {
        let kind_name = spec.kind.as_str();
        let given = [
            ("status", spec.status.is_some()),
            ("retryAfterSeconds", spec.retry_after_seconds.is_some()),
            ("ms", spec.ms.is_some()),
            ("bytesPerSecond", spec.bytes_per_second.is_some()),
            ("bytes", spec.bytes.is_some()),
            ("location", spec.location.is_some()),
        ];
        let allowed: &[&str] = match spec.kind {
            FaultKindName::Status | FaultKindName::Html => &["status", "retryAfterSeconds"],
            FaultKindName::Latency => &["ms"],
            FaultKindName::Malformed | FaultKindName::Reset => &[],
            FaultKindName::SlowBody => &["bytesPerSecond"],
            FaultKindName::Oversize => &["bytes"],
            FaultKindName::Redirect => &["location", "status"],
        };
        if let Some((field, _)) = given
            .iter()
            .find(|(field, present)| *present && !allowed.contains(field))
        {
            return Err(format!(
                "field `{field}` does not apply to a fault of kind `{kind_name}`"
            ));
        }
        let required = |value: Option<u64>, field: &str| {
            value.ok_or_else(|| format!("a fault of kind `{kind_name}` needs the field `{field}`"))
        };
        let kind = match spec.kind {
            FaultKindName::Status => {
                let status = required(spec.status.map(u64::from), "status")?;
                FaultKind::Status {
                    status: check_status(status, 200..=599)?,
                    retry_after_seconds: spec.retry_after_seconds,
                }
            }
            FaultKindName::Latency => FaultKind::Latency {
                ms: required(spec.ms, "ms")?,
            },
            FaultKindName::Malformed => FaultKind::Malformed,
            FaultKindName::Html => FaultKind::Html {
                status: check_status(u64::from(spec.status.unwrap_or(502)), 200..=599)?,
                retry_after_seconds: spec.retry_after_seconds,
            },
            FaultKindName::Reset => FaultKind::Reset,
            FaultKindName::SlowBody => {
                let bytes_per_second = required(spec.bytes_per_second, "bytesPerSecond")?;
                if bytes_per_second == 0 {
                    return Err(String::from("bytesPerSecond must be at least 1"));
                }
                FaultKind::SlowBody { bytes_per_second }
            }
            FaultKindName::Oversize => FaultKind::Oversize {
                bytes: required(spec.bytes, "bytes")?,
            },
            FaultKindName::Redirect => {
                let location = spec.location.ok_or_else(|| {
                    String::from("a fault of kind `redirect` needs the field `location`")
                })?;
                if location.is_empty() {
                    return Err(String::from("location must not be empty"));
                }
                FaultKind::Redirect {
                    location,
                    status: check_status(u64::from(spec.status.unwrap_or(307)), 300..=399)?,
                }
            }
        };
        Ok(Fault {
            kind,
            offer_id: spec.offer_id,
            publisher_id: spec.publisher_id,
            times: spec.times,
        })
    }
}

/// Checks that a configured status code lies in the allowed range.
fn check_status(status: u64, allowed: std::ops::RangeInclusive<u16>) -> Result<u16, String> {
    u16::try_from(status)
        .ok()
        .filter(|status| allowed.contains(status))
        .ok_or_else(|| {
            format!(
                "status must be between {} and {}, got {status}",
                allowed.start(),
                allowed.end()
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Result<Fault, String> {
        Fault::from_json_str(json).map_err(|error| error.to_string())
    }

    #[test]
    fn every_kind_parses() {
        let cases = [
            (
                r#"{"kind":"status","status":503,"retryAfterSeconds":2}"#,
                FaultKind::Status {
                    status: 503,
                    retry_after_seconds: Some(2),
                },
            ),
            (
                r#"{"kind":"latency","ms":20}"#,
                FaultKind::Latency { ms: 20 },
            ),
            (r#"{"kind":"malformed"}"#, FaultKind::Malformed),
            (
                r#"{"kind":"html"}"#,
                FaultKind::Html {
                    status: 502,
                    retry_after_seconds: None,
                },
            ),
            (r#"{"kind":"reset"}"#, FaultKind::Reset),
            (
                r#"{"kind":"slowBody","bytesPerSecond":100}"#,
                FaultKind::SlowBody {
                    bytes_per_second: 100,
                },
            ),
            (
                r#"{"kind":"oversize","bytes":1000}"#,
                FaultKind::Oversize { bytes: 1000 },
            ),
            (
                r#"{"kind":"redirect","location":"http://x{path}"}"#,
                FaultKind::Redirect {
                    location: String::from("http://x{path}"),
                    status: 307,
                },
            ),
        ];
        for (json, kind) in cases {
            assert_eq!(parse(json), Ok(Fault::new(kind)), "{json}");
        }
    }

    #[test]
    fn filters_and_times_parse() {
        let fault = parse(r#"{"kind":"reset","offerId":"o","publisherId":"p","times":3}"#).unwrap();
        assert_eq!(
            fault,
            Fault::new(FaultKind::Reset)
                .for_offer("o")
                .for_publisher("p")
                .times(3)
        );
    }

    #[test]
    fn mistakes_are_named() {
        let error = parse(r#"{"kind":"teapot"}"#).unwrap_err();
        assert!(
            error.contains("kind") && error.contains("teapot"),
            "{error}"
        );
        let error = parse(r#"{"kind":"status"}"#).unwrap_err();
        assert!(error.contains("needs the field `status`"), "{error}");
        let error = parse(r#"{"kind":"latency","ms":5,"status":500}"#).unwrap_err();
        assert!(error.contains("`status` does not apply"), "{error}");
        let error = parse(r#"{"kind":"status","status":700}"#).unwrap_err();
        assert!(error.contains("between 200 and 599"), "{error}");
        let error = parse(r#"{"kind":"latency","ms":-5}"#).unwrap_err();
        assert!(error.contains("ms"), "{error}");
        let error = parse(r#"{"kind":"latency","ms":5,"offer":"x"}"#).unwrap_err();
        assert!(error.contains("offer"), "{error}");
    }

    #[test]
    fn applies_to_respects_filters_and_times() {
        let mut fault = Fault::new(FaultKind::Reset).for_offer("o").times(1);
        assert!(fault.applies_to("p", "o"));
        assert!(!fault.applies_to("p", "other"));
        fault.fire();
        assert!(!fault.applies_to("p", "o"));
    }
}
