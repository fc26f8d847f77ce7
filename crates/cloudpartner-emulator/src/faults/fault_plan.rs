//! Which faults fire for one request.

use crate::faults::fault::Fault;
use crate::faults::fault_kind::FaultKind;
use crate::faults::fault_route::FaultTarget;

/// The faults that fire for one request.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct FaultPlan {
    /// The total delay of the matching latency faults, in milliseconds.
    pub latency_ms: u64,
    /// The fault that answers the request instead of the normal answer.
    pub answer: Option<FaultKind>,
}

/// Picks the faults that fire for a request and uses up their firings:
/// every matching latency fault, and the first other matching fault.
pub(crate) fn plan_faults(faults: &mut [Fault], target: &FaultTarget<'_>) -> FaultPlan {
    let mut plan = FaultPlan::default();
    for fault in faults.iter_mut() {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::faults::fault_route::FaultRoute;

    fn faults(json: &str) -> Vec<Fault> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn latency_adds_up_and_the_first_other_fault_answers() {
        let mut faults = faults(
            r#"[{"kind":"latency","ms":5},{"kind":"status","status":503,"times":1},
                {"kind":"latency","ms":7,"times":1},{"kind":"reset","offerId":"o"}]"#,
        );
        let target = |offer| FaultTarget {
            route: FaultRoute::Status,
            method: "GET",
            publisher: Some("p"),
            offer: Some(offer),
        };
        let first = plan_faults(&mut faults, &target("o"));
        assert_eq!(first.latency_ms, 12);
        assert_eq!(
            first.answer,
            Some(FaultKind::Status {
                status: 503,
                retry_after_seconds: None
            })
        );
        let second = plan_faults(&mut faults, &target("o"));
        assert_eq!(second.latency_ms, 5);
        assert_eq!(second.answer, Some(FaultKind::Reset));
        let other_offer = plan_faults(&mut faults, &target("other"));
        assert_eq!(other_offer.answer, None);
    }
}
