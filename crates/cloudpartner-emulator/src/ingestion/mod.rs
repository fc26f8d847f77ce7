//! The Product Ingestion API (DESIGN §10), under `/rp/product-ingestion/`:
//! products, resource trees, configure jobs and submissions, played on the
//! emulator's clock; tolerant of what azure-img-utils 2.x and cloudpub send
//! (see the crate docs for the routes and the scenario format).

pub(crate) mod configure_body;
pub(crate) mod configure_plan;
pub(crate) mod default_scenario;
pub(crate) mod fault_routes;
pub(crate) mod ingestion_call;
pub(crate) mod job;
pub(crate) mod job_endpoints;
pub(crate) mod paging;
pub(crate) mod product_state;
pub(crate) mod product_store;
pub(crate) mod read_endpoints;
pub(crate) mod resource_types;
pub(crate) mod routes;
pub(crate) mod scenario_part;
pub(crate) mod seed_resources;
pub(crate) mod submission_failure;
pub(crate) mod submission_rules;
pub(crate) mod tech_config_rules;
pub(crate) mod wire_error;

use axum::Router;
use axum::routing::any;
use serde::de::MapAccess;

use crate::api::Api;
use crate::faults::fault_route::DeclaredFaultRoute;
use crate::http::api_context::ApiContext;
use crate::http::request_rules::RequestRules;
use crate::http::shared_state::SharedState;
use crate::ingestion::default_scenario::default_ingestion_scenario;
use crate::ingestion::fault_routes::INGESTION_FAULT_ROUTES;
use crate::ingestion::ingestion_call::INGESTION_REQUEST_RULES;
use crate::ingestion::product_store::ProductStore;
use crate::ingestion::scenario_part::{IngestionScenario, SCENARIO_KEYS};

/// The Product Ingestion API, as the emulator serves it.
pub(crate) struct Ingestion;

impl Api for Ingestion {
    type ScenarioPart = IngestionScenario;
    type State = ProductStore;

    const ROUTE_PREFIX: &'static str = "/rp/product-ingestion/";
    const SCENARIO_KEYS: &'static [&'static str] = SCENARIO_KEYS;
    const REQUEST_RULES: RequestRules = INGESTION_REQUEST_RULES;
    const FAULT_ROUTES: &'static [DeclaredFaultRoute] = INGESTION_FAULT_ROUTES;

    fn read_scenario_key<'de, A: MapAccess<'de>>(
        part: &mut IngestionScenario,
        _key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        *part = map.next_value()?;
        Ok(())
    }

    fn default_scenario_part() -> IngestionScenario {
        default_ingestion_scenario()
    }

    fn state(part: IngestionScenario, shared: &SharedState) -> ProductStore {
        ProductStore::new(part, shared.clock.clone(), shared.base_url.clone())
    }

    fn routes() -> Router<ApiContext<ProductStore>> {
        Router::new().route("/rp/product-ingestion/{*rest}", any(routes::dispatch))
    }
}
