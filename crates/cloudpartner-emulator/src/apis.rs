//! The APIs the emulator serves. To add one, implement [`Api`] in its module
//! and add it to each item of this file; the shared parts need nothing else.

use std::sync::{Arc, OnceLock};

use axum::Router;
use serde::de::MapAccess;

use crate::api::Api;
use crate::cpp::Cpp;
use crate::faults::fault_route::DeclaredFaultRoute;
use crate::http::api_context::ApiContext;
use crate::http::shared_state::SharedState;
use crate::ingestion::Ingestion;

/// Each API's part of a scenario.
#[derive(Clone, Debug, Default)]
pub(crate) struct ApiScenarios {
    /// The CPP API's part.
    pub cpp: <Cpp as Api>::ScenarioPart,
    /// The Product Ingestion API's part.
    pub ingestion: <Ingestion as Api>::ScenarioPart,
}

impl ApiScenarios {
    /// Each API's default part.
    pub fn defaults() -> ApiScenarios {
        ApiScenarios {
            cpp: Cpp::default_scenario_part(),
            ingestion: Ingestion::default_scenario_part(),
        }
    }

    /// The top-level scenario fields the APIs read.
    pub fn scenario_keys() -> impl Iterator<Item = &'static str> {
        [Cpp::SCENARIO_KEYS, Ingestion::SCENARIO_KEYS]
            .into_iter()
            .flatten()
            .copied()
    }

    /// Hands the value of `key` (one of [`ApiScenarios::scenario_keys`]) to
    /// the API that reads it.
    pub fn read_key<'de, A: MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        use serde::de::Error;
        if Cpp::SCENARIO_KEYS.contains(&key) {
            return Cpp::read_scenario_key(&mut self.cpp, key, map);
        }
        if Ingestion::SCENARIO_KEYS.contains(&key) {
            return Ingestion::read_scenario_key(&mut self.ingestion, key, map);
        }
        Err(A::Error::unknown_field(key, &[]))
    }
}

/// The fault routes every API declares.
pub(crate) fn known_fault_routes() -> &'static [DeclaredFaultRoute] {
    static ROUTES: OnceLock<Vec<DeclaredFaultRoute>> = OnceLock::new();
    ROUTES.get_or_init(|| [Cpp::FAULT_ROUTES, Ingestion::FAULT_ROUTES].concat())
}

/// The path prefixes of the APIs' routes.
pub(crate) fn route_prefixes() -> Arc<[&'static str]> {
    Arc::new([Cpp::ROUTE_PREFIX, Ingestion::ROUTE_PREFIX])
}

/// Each API's state.
#[derive(Debug)]
pub(crate) struct ApiStates {
    /// The CPP API's state.
    pub cpp: Arc<<Cpp as Api>::State>,
    /// The Product Ingestion API's state.
    pub ingestion: Arc<<Ingestion as Api>::State>,
}

impl ApiStates {
    /// Each API's state, from its scenario part.
    pub fn new(scenarios: ApiScenarios, shared: &SharedState) -> ApiStates {
        ApiStates {
            cpp: Arc::new(Cpp::state(scenarios.cpp, shared)),
            ingestion: Arc::new(Ingestion::state(scenarios.ingestion, shared)),
        }
    }

    /// Each API's routes, holding their state.
    pub fn routes(&self, shared: &Arc<SharedState>) -> Vec<Router> {
        vec![
            mount::<Cpp>(shared, &self.cpp),
            mount::<Ingestion>(shared, &self.ingestion),
        ]
    }
}

/// An API's routes with their state.
fn mount<A: Api>(shared: &Arc<SharedState>, state: &Arc<A::State>) -> Router {
    A::routes().with_state(ApiContext {
        shared: shared.clone(),
        api: state.clone(),
        rules: &A::REQUEST_RULES,
    })
}
