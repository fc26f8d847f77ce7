//! Faults: misbehaviour injected into the API's routes, so clients can be
//! tested against errors, slowness and broken responses.

use serde::Deserialize;

/// A fault injected into the API's routes.
///
/// Faults apply to every route under `/api/` (not to the token endpoints),
/// after the authentication, api-version and not-found checks. Optional
/// filters narrow a fault down: `route` (a [`FaultRoute`]), `method` (`GET`,
/// `PUT`, `POST`), `publisherId` and `offerId` (a fault naming an id applies
/// only to requests about that id, so never to `GET /api/publishers`).
/// `latency` faults always apply (each matching one adds its delay); of the
/// other kinds, the first matching fault with firings left answers the
/// request. Every firing uses up one of its `times`.
///
/// Whether a write acted: `status`, `html`, `reset` and `redirect` answer
/// *instead of* the route, so a faulted `PUT` or `POST` changes nothing (a
/// 500 or 503 publish did not publish). `malformed`, `slowBody` and
/// `oversize` break the route's real response, so the write did act — the
/// client just cannot read the answer. `latency` delays, then the request
/// goes on.
///
/// In a scenario file a fault is a flat JSON object:
/// `{"kind": "status", "status": 503, "retryAfterSeconds": 2, "offerId": "vm-offer", "route": "publish", "method": "POST", "times": 2}`.
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
    /// Only requests to this route are affected; every API route when `None`.
    pub route: Option<FaultRoute>,
    /// Only requests with this method (upper case, e.g. `POST`) are
    /// affected; all when `None`.
    pub method: Option<String>,
}

/// The API routes a [`Fault`] can be limited to, by their scenario names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
pub enum FaultRoute {
    /// `GET /api/publishers`.
    #[serde(rename = "publishers")]
    Publishers,
    /// `GET /api/publishers/{p}/offers`.
    #[serde(rename = "offers")]
    Offers,
    /// The offer document: `GET` and `PUT /api/publishers/{p}/offers/{o}`,
    /// and `GET …/versions/{n}` and `…/slot/{slot}`.
    #[serde(rename = "offer")]
    Offer,
    /// `PUT /api/publishers/{p}/offers/{o}` only.
    #[serde(rename = "put")]
    Put,
    /// `GET …/offers/{o}/status`.
    #[serde(rename = "status")]
    Status,
    /// `POST …/offers/{o}/publish`.
    #[serde(rename = "publish")]
    Publish,
    /// `POST …/offers/{o}/golive`.
    #[serde(rename = "golive", alias = "goLive")]
    GoLive,
    /// `POST …/offers/{o}/cancel`.
    #[serde(rename = "cancel")]
    Cancel,
    /// `GET …/offers/{o}/submissions`, the list of operations.
    #[serde(rename = "operations", alias = "submissions")]
    Operations,
    /// One operation: `GET …/offers/{o}/operations/{id}` and the legacy
    /// `GET /api/operations/{p}${o}${n}${slot}`.
    #[serde(rename = "operation")]
    Operation,
}

impl FaultRoute {
    /// Whether a fault limited to this route applies to a request to `route`.
    fn covers(self, route: FaultRoute) -> bool {
        self == route || (self == FaultRoute::Offer && route == FaultRoute::Put)
    }
}

/// What a request is about, for picking the faults that apply to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FaultTarget<'a> {
    pub route: FaultRoute,
    /// The HTTP method, upper case.
    pub method: &'a str,
    pub publisher: Option<&'a str>,
    pub offer: Option<&'a str>,
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

impl FaultKind {
    /// Whether the fault breaks the route's real response (so the route acts
    /// first) rather than answering instead of it.
    pub(crate) fn breaks_the_real_response(&self) -> bool {
        matches!(
            self,
            FaultKind::Malformed | FaultKind::SlowBody { .. } | FaultKind::Oversize { .. }
        )
    }
}

impl Fault {
    /// A fault of this kind, for every route and offer, firing for ever.
    pub fn new(kind: FaultKind) -> Fault {
        Fault {
            kind,
            offer_id: None,
            publisher_id: None,
            times: None,
            route: None,
            method: None,
        }
    }

    /// Limits the fault to requests to one route.
    pub fn for_route(mut self, route: FaultRoute) -> Fault {
        self.route = Some(route);
        self
    }

    /// Limits the fault to requests with one HTTP method (case-insensitive).
    pub fn for_method(mut self, method: &str) -> Fault {
        self.method = Some(method.to_ascii_uppercase());
        self
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

    /// Whether the fault applies to this request and still has firings left.
    pub(crate) fn applies_to(&self, target: &FaultTarget<'_>) -> bool {
        let id_matches = |filter: &Option<String>, id: Option<&str>| {
            filter.as_deref().is_none_or(|wanted| id == Some(wanted))
        };
        self.times != Some(0)
            && id_matches(&self.offer_id, target.offer)
            && id_matches(&self.publisher_id, target.publisher)
            && self.route.is_none_or(|route| route.covers(target.route))
            && self
                .method
                .as_deref()
                .is_none_or(|method| method.eq_ignore_ascii_case(target.method))
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
    route: Option<FaultRoute>,
    method: Option<String>,
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
        let method = spec
            .method
            .map(|method| {
                let method = method.to_ascii_uppercase();
                if ["GET", "PUT", "POST"].contains(&method.as_str()) {
                    Ok(method)
                } else {
                    Err(format!("method must be GET, PUT or POST, got `{method}`"))
                }
            })
            .transpose()?;
        Ok(Fault {
            kind,
            offer_id: spec.offer_id,
            publisher_id: spec.publisher_id,
            times: spec.times,
            route: spec.route,
            method,
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

    fn target<'a>(
        route: FaultRoute,
        method: &'a str,
        publisher: Option<&'a str>,
        offer: Option<&'a str>,
    ) -> FaultTarget<'a> {
        FaultTarget {
            route,
            method,
            publisher,
            offer,
        }
    }

    #[test]
    fn applies_to_respects_filters_and_times() {
        let mut fault = Fault::new(FaultKind::Reset).for_offer("o").times(1);
        assert!(fault.applies_to(&target(FaultRoute::Status, "GET", Some("p"), Some("o"))));
        assert!(!fault.applies_to(&target(FaultRoute::Status, "GET", Some("p"), Some("x"))));
        assert!(!fault.applies_to(&target(FaultRoute::Offers, "GET", Some("p"), None)));
        fault.fire();
        assert!(!fault.applies_to(&target(FaultRoute::Status, "GET", Some("p"), Some("o"))));
    }

    #[test]
    fn routes_and_methods_narrow_a_fault() {
        let fault = parse(r#"{"kind":"reset","route":"offer","method":"put"}"#).unwrap();
        assert_eq!(fault.route, Some(FaultRoute::Offer));
        assert_eq!(fault.method.as_deref(), Some("PUT"));
        assert!(fault.applies_to(&target(FaultRoute::Put, "PUT", Some("p"), Some("o"))));
        assert!(!fault.applies_to(&target(FaultRoute::Offer, "GET", Some("p"), Some("o"))));
        let put_only = Fault::new(FaultKind::Reset).for_route(FaultRoute::Put);
        assert!(!put_only.applies_to(&target(FaultRoute::Offer, "GET", Some("p"), Some("o"))));
        let everywhere = Fault::new(FaultKind::Reset);
        assert!(everywhere.applies_to(&target(FaultRoute::Publishers, "GET", None, None)));
        let golive = parse(r#"{"kind":"reset","route":"goLive"}"#).unwrap();
        assert_eq!(golive.route, Some(FaultRoute::GoLive));
        let error = parse(r#"{"kind":"reset","method":"DELETE"}"#).unwrap_err();
        assert!(error.contains("method must be GET, PUT or POST"), "{error}");
        let error = parse(r#"{"kind":"reset","route":"everything"}"#).unwrap_err();
        assert!(error.contains("unknown variant `everything`"), "{error}");
    }
}
