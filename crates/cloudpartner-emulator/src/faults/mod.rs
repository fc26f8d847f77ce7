//! Faults: what they do ([`FaultKind`](crate::FaultKind)), which requests
//! they apply to ([`FaultRoute`](crate::FaultRoute) names an API declares),
//! how they read from a scenario, which fire for a request, and the
//! responses they answer with.

pub(crate) mod fault;
pub(crate) mod fault_kind;
pub(crate) mod fault_plan;
pub(crate) mod fault_response;
pub(crate) mod fault_route;
pub(crate) mod fault_spec;
