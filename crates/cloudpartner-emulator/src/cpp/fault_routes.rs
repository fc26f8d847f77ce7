//! The fault routes of the CPP API.

use crate::faults::fault_route::{DeclaredFaultRoute, FaultRoute};

/// The CPP API's routes, by their scenario names.
#[allow(non_upper_case_globals)]
impl FaultRoute {
    /// `GET /api/publishers` (`publishers`).
    pub const Publishers: FaultRoute = FaultRoute::named("publishers");
    /// `GET /api/publishers/{p}/offers` (`offers`).
    pub const Offers: FaultRoute = FaultRoute::named("offers");
    /// The offer document (`offer`): `GET` and `PUT /api/publishers/{p}/offers/{o}`,
    /// and `GET …/versions/{n}` and `…/slot/{slot}`.
    pub const Offer: FaultRoute = FaultRoute::named("offer");
    /// `PUT /api/publishers/{p}/offers/{o}` only (`put`).
    pub const Put: FaultRoute = FaultRoute::named_within("put", "offer");
    /// `GET …/offers/{o}/status` (`status`).
    pub const Status: FaultRoute = FaultRoute::named("status");
    /// `POST …/offers/{o}/publish` (`publish`).
    pub const Publish: FaultRoute = FaultRoute::named("publish");
    /// `POST …/offers/{o}/golive` (`golive`, also `goLive`).
    pub const GoLive: FaultRoute = FaultRoute::named("golive");
    /// `POST …/offers/{o}/cancel` (`cancel`).
    pub const Cancel: FaultRoute = FaultRoute::named("cancel");
    /// `GET …/offers/{o}/submissions`, the list of operations (`operations`,
    /// also `submissions`).
    pub const Operations: FaultRoute = FaultRoute::named("operations");
    /// One operation (`operation`): `GET …/offers/{o}/operations/{id}` and the
    /// legacy `GET /api/operations/{p}${o}${n}${slot}`.
    pub const Operation: FaultRoute = FaultRoute::named("operation");
}

/// Every fault route of the CPP API, with the other names scenarios may use.
pub(crate) const CPP_FAULT_ROUTES: &[DeclaredFaultRoute] = &[
    declared(FaultRoute::Publishers),
    declared(FaultRoute::Offers),
    declared(FaultRoute::Offer),
    declared(FaultRoute::Put),
    declared(FaultRoute::Status),
    declared(FaultRoute::Publish),
    DeclaredFaultRoute {
        route: FaultRoute::GoLive,
        aliases: &["goLive"],
    },
    declared(FaultRoute::Cancel),
    DeclaredFaultRoute {
        route: FaultRoute::Operations,
        aliases: &["submissions"],
    },
    declared(FaultRoute::Operation),
];

/// A route without other names.
const fn declared(route: FaultRoute) -> DeclaredFaultRoute {
    DeclaredFaultRoute {
        route,
        aliases: &[],
    }
}
