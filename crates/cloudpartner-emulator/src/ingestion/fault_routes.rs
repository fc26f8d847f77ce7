//! The fault routes of the Product Ingestion API (`ingestion.*`).

use crate::faults::fault_route::{DeclaredFaultRoute, FaultRoute};

/// The Product Ingestion API's routes, by their scenario names.
#[allow(non_upper_case_globals)]
impl FaultRoute {
    /// `GET product` and `GET plan`, the lists (`ingestion.product`).
    pub const IngestionProduct: FaultRoute = FaultRoute::named("ingestion.product");
    /// `GET resource-tree/product/{guid}` (`ingestion.tree`).
    pub const IngestionTree: FaultRoute = FaultRoute::named("ingestion.tree");
    /// `GET <durable id>`, one draft resource (`ingestion.resource`).
    pub const IngestionResource: FaultRoute = FaultRoute::named("ingestion.resource");
    /// `GET submission/{guid}[/{id}]` (`ingestion.submission`).
    pub const IngestionSubmission: FaultRoute = FaultRoute::named("ingestion.submission");
    /// `POST configure` (`ingestion.configure`).
    pub const IngestionConfigure: FaultRoute = FaultRoute::named("ingestion.configure");
    /// `GET configure/{jobId}/status` and `GET configure/{jobId}` (`ingestion.job`).
    pub const IngestionJob: FaultRoute = FaultRoute::named("ingestion.job");
    /// `POST configure/{jobId}/cancel` (`ingestion.cancel`).
    pub const IngestionCancel: FaultRoute = FaultRoute::named("ingestion.cancel");
}

/// Every fault route of the Product Ingestion API.
pub(crate) const INGESTION_FAULT_ROUTES: &[DeclaredFaultRoute] = &[
    declared(FaultRoute::IngestionProduct),
    declared(FaultRoute::IngestionTree),
    declared(FaultRoute::IngestionResource),
    declared(FaultRoute::IngestionSubmission),
    declared(FaultRoute::IngestionConfigure),
    declared(FaultRoute::IngestionJob),
    declared(FaultRoute::IngestionCancel),
];

/// A route without other names.
const fn declared(route: FaultRoute) -> DeclaredFaultRoute {
    DeclaredFaultRoute {
        route,
        aliases: &[],
    }
}
