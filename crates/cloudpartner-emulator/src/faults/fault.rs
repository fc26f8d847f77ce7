//! Faults: misbehaviour injected into the APIs' routes, so clients can be
//! tested against errors, slowness and broken responses.

use crate::faults::fault_kind::FaultKind;
use crate::faults::fault_route::{FaultRoute, FaultTarget};

/// A fault injected into the API's routes.
///
/// Faults apply to every route under `/api/` (not to the token endpoints),
/// after the authentication, api-version and not-found checks. Optional
/// filters narrow a fault down: `route` (a [`FaultRoute`], a name an API
/// declares), `method` (`GET`, `PUT`, `POST`), `publisherId` and `offerId` (a fault naming an id applies
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
#[derive(Clone, Debug, PartialEq)]
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
