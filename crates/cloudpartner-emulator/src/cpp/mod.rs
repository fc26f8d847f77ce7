//! The Cloud Partner Portal API: offer status, offers as resources with
//! state (drafts, ETags, versions, slots), publish, go-live, cancel and their
//! operations, all under `/api/` (see the crate docs for the routes).

pub(crate) mod cpp_call;
pub(crate) mod default_offer_documents;
pub(crate) mod default_scenario;
pub(crate) mod fault_routes;
pub(crate) mod location;
pub(crate) mod offer;
pub(crate) mod offer_document;
pub(crate) mod offer_endpoint;
pub(crate) mod offer_store;
pub(crate) mod operation_kinds;
pub(crate) mod operation_lookup;
pub(crate) mod operations_endpoint;
pub(crate) mod publish_simulation;
pub(crate) mod publish_validation;
pub(crate) mod publisher_listing;
pub(crate) mod publishers_endpoint;
pub(crate) mod publishing_endpoint;
pub(crate) mod release_through_api;
pub(crate) mod scenario_offer;
pub(crate) mod scenario_part;
pub(crate) mod status_document;
pub(crate) mod status_endpoint;

use axum::Router;
use axum::routing::{get, post};
use serde::de::MapAccess;

use crate::api::Api;
use crate::cpp::cpp_call::CPP_REQUEST_RULES;
use crate::cpp::default_scenario::default_cpp_scenario;
use crate::cpp::fault_routes::CPP_FAULT_ROUTES;
use crate::cpp::offer_store::OfferStore;
use crate::cpp::scenario_part::{CppScenario, SCENARIO_KEYS};
use crate::faults::fault_route::DeclaredFaultRoute;
use crate::http::api_context::ApiContext;
use crate::http::request_rules::RequestRules;
use crate::http::shared_state::SharedState;

/// The CPP API, as the emulator serves it.
pub(crate) struct Cpp;

impl Api for Cpp {
    type ScenarioPart = CppScenario;
    type State = OfferStore;

    const ROUTE_PREFIX: &'static str = "/api/";
    const SCENARIO_KEYS: &'static [&'static str] = SCENARIO_KEYS;
    const REQUEST_RULES: RequestRules = CPP_REQUEST_RULES;
    const FAULT_ROUTES: &'static [DeclaredFaultRoute] = CPP_FAULT_ROUTES;

    fn read_scenario_key<'de, A: MapAccess<'de>>(
        part: &mut CppScenario,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        part.read_key(key, map)
    }

    fn default_scenario_part() -> CppScenario {
        default_cpp_scenario()
    }

    fn state(part: CppScenario, shared: &SharedState) -> OfferStore {
        OfferStore::new(part, shared.clock.clone(), shared.base_url.clone())
    }

    fn routes() -> Router<ApiContext<OfferStore>> {
        const OFFER: &str = "/api/publishers/{publisher}/offers/{offer}";
        Router::new()
            .route("/api/publishers", get(publishers_endpoint::publishers))
            .route(
                "/api/publishers/{publisher}/offers",
                get(publishers_endpoint::offers),
            )
            .route(
                OFFER,
                get(offer_endpoint::get_offer).put(offer_endpoint::put_offer),
            )
            .route(
                &format!("{OFFER}/versions/{{version}}"),
                get(offer_endpoint::get_version),
            )
            .route(
                &format!("{OFFER}/slot/{{slot}}"),
                get(offer_endpoint::get_slot),
            )
            .route(
                &format!("{OFFER}/status"),
                get(status_endpoint::offer_status),
            )
            .route(
                &format!("{OFFER}/publish"),
                post(publishing_endpoint::publish),
            )
            .route(
                &format!("{OFFER}/golive"),
                post(publishing_endpoint::go_live),
            )
            .route(
                &format!("{OFFER}/cancel"),
                post(publishing_endpoint::cancel),
            )
            .route(
                &format!("{OFFER}/submissions"),
                get(operations_endpoint::submissions),
            )
            .route(
                &format!("{OFFER}/submissions/"),
                get(operations_endpoint::submissions),
            )
            .route(
                &format!("{OFFER}/operations/{{operation}}"),
                get(operations_endpoint::operation),
            )
            .route(
                "/api/operations/{key}",
                get(operations_endpoint::legacy_operation),
            )
    }
}
