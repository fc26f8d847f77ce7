//! The state an emulator's server shares with its handle: the scenario's
//! offers, the faults left to fire, the clock and the recorded requests.

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard};

use crate::clock::{SimulationClock, format_timestamp};
use crate::fault::{Fault, FaultKind, FaultTarget};
use crate::publish::OfferIds;
use crate::recorded_request::RecordedRequest;
use crate::request_log::RequestLog;
use crate::scenario::{ClientCredentials, Scenario, ScenarioOffer};

/// Everything the server's handlers read and change.
#[derive(Debug)]
pub(crate) struct EmulatorState {
    /// The bearer token the status endpoint accepts.
    pub token: String,
    /// The clients the token endpoint knows.
    pub clients: Vec<ClientCredentials>,
    clock: SimulationClock,
    publishers: Mutex<BTreeMap<String, BTreeMap<String, ScenarioOffer>>>,
    faults: Mutex<Vec<Fault>>,
    requests: Mutex<RequestLog>,
}

/// The outcome of looking an offer up.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum OfferLookup {
    /// The publisher is unknown.
    PublisherNotFound,
    /// The publisher is known, the offer is not.
    OfferNotFound,
    /// The offer's current status document, as JSON text.
    Found(String),
}

/// The faults that fire for one request.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct FaultPlan {
    /// The total delay of the matching latency faults, in milliseconds.
    pub latency_ms: u64,
    /// The fault that answers the request instead of the normal answer.
    pub answer: Option<FaultKind>,
}

/// Locks a mutex, carrying on with the data if a panicking thread poisoned it.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl EmulatorState {
    /// The state of an emulator serving `scenario` with this time scale,
    /// its clock starting now.
    pub fn new(scenario: Scenario, time_scale: f64, request_log_capacity: usize) -> EmulatorState {
        EmulatorState {
            token: scenario.token,
            clients: scenario.clients,
            clock: SimulationClock::start_now(time_scale),
            publishers: Mutex::new(scenario.publishers),
            faults: Mutex::new(scenario.faults),
            requests: Mutex::new(RequestLog::with_capacity(request_log_capacity)),
        }
    }

    /// The current status document of an offer.
    pub fn lookup(&self, publisher: &str, offer: &str) -> OfferLookup {
        let publishers = lock(&self.publishers);
        let Some(offers) = publishers.get(publisher) else {
            return OfferLookup::PublisherNotFound;
        };
        match offers.get(offer) {
            None => OfferLookup::OfferNotFound,
            Some(ScenarioOffer::Fixed { body }) => OfferLookup::Found(body.clone()),
            Some(ScenarioOffer::Simulated {
                publish,
                notification_emails,
            }) => {
                let started_seconds_ago = publish.started_seconds_ago;
                let document = publish.render(
                    OfferIds { publisher, offer },
                    notification_emails,
                    self.clock.publish_time(started_seconds_ago),
                    |seconds| format_timestamp(self.clock.wall_time(started_seconds_ago, seconds)),
                );
                OfferLookup::Found(document.to_json())
            }
        }
    }

    /// Adds or replaces an offer served verbatim.
    pub fn set_offer_status(&self, publisher: &str, offer: &str, body: String) {
        lock(&self.publishers)
            .entry(publisher.to_owned())
            .or_default()
            .insert(offer.to_owned(), ScenarioOffer::Fixed { body });
    }

    /// Appends a fault.
    pub fn add_fault(&self, fault: Fault) {
        lock(&self.faults).push(fault);
    }

    /// Picks the faults that fire for a request and uses up their firings:
    /// every matching latency fault, and the first other matching fault.
    pub fn fire_faults(&self, target: &FaultTarget<'_>) -> FaultPlan {
        let mut plan = FaultPlan::default();
        for fault in lock(&self.faults).iter_mut() {
            if !fault.applies_to(target) {
                continue;
            }
            match &fault.kind {
                FaultKind::Latency { ms } => {
                    plan.latency_ms = plan.latency_ms.saturating_add(*ms);
                    fault.fire();
                }
                kind if plan.answer.is_none() => {
                    plan.answer = Some(kind.clone());
                    fault.fire();
                }
                _ => {}
            }
        }
        plan
    }

    /// Records a received request.
    pub fn record(&self, request: RecordedRequest) {
        lock(&self.requests).push(request);
    }

    /// The requests in the log, oldest first.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.requests).to_vec()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state_with(faults: &str) -> EmulatorState {
        let scenario = Scenario::from_json_str(&format!(
            r#"{{"publishers":{{"p":{{"offers":{{"o":{{"status":{{"status":"succeeded"}}}}}}}}}},"faults":{faults}}}"#
        ))
        .unwrap();
        EmulatorState::new(scenario, 1.0, 10)
    }

    #[test]
    fn lookups_tell_unknown_publishers_from_unknown_offers() {
        let state = state_with("[]");
        assert_eq!(state.lookup("x", "o"), OfferLookup::PublisherNotFound);
        assert_eq!(state.lookup("p", "x"), OfferLookup::OfferNotFound);
        assert_eq!(
            state.lookup("p", "o"),
            OfferLookup::Found(String::from(r#"{"status":"succeeded"}"#))
        );
        state.set_offer_status("new", "n", String::from("{}"));
        assert_eq!(
            state.lookup("new", "n"),
            OfferLookup::Found(String::from("{}"))
        );
    }

    #[test]
    fn latency_adds_up_and_the_first_other_fault_answers() {
        let state = state_with(
            r#"[{"kind":"latency","ms":5},{"kind":"status","status":503,"times":1},
                {"kind":"latency","ms":7,"times":1},{"kind":"reset","offerId":"o"}]"#,
        );
        let target = |offer| FaultTarget {
            route: crate::fault::FaultRoute::Status,
            method: "GET",
            publisher: Some("p"),
            offer: Some(offer),
        };
        let first = state.fire_faults(&target("o"));
        assert_eq!(first.latency_ms, 12);
        assert_eq!(
            first.answer,
            Some(FaultKind::Status {
                status: 503,
                retry_after_seconds: None
            })
        );
        let second = state.fire_faults(&target("o"));
        assert_eq!(second.latency_ms, 5);
        assert_eq!(second.answer, Some(FaultKind::Reset));
        let other_offer = state.fire_faults(&target("other"));
        assert_eq!(other_offer.answer, None);
    }
}
