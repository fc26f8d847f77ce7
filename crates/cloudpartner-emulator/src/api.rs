//! What an emulated API is to the shared parts: one trait, implemented by
//! each API's module and registered in `apis.rs`.

use std::fmt::Debug;

use axum::Router;
use serde::de::MapAccess;

use crate::faults::fault_route::DeclaredFaultRoute;
use crate::http::api_context::ApiContext;
use crate::http::request_rules::RequestRules;
use crate::http::shared_state::SharedState;

/// An API the emulator serves: its routes, its state, its part of the
/// scenario and the fault routes it declares.
pub(crate) trait Api {
    /// The API's part of a scenario.
    type ScenarioPart: Clone + Debug + Default;
    /// The API's state at run time, made from its scenario part.
    type State: Debug + Send + Sync + 'static;

    /// The path prefix of every route of the API, e.g. `/api/`; writes under
    /// it have their bodies recorded.
    const ROUTE_PREFIX: &'static str;
    /// The top-level scenario fields the API reads.
    const SCENARIO_KEYS: &'static [&'static str];
    /// The checks every request passes first, and the API's error shape.
    const REQUEST_RULES: RequestRules;
    /// The routes a fault can be limited to, by their scenario names.
    const FAULT_ROUTES: &'static [DeclaredFaultRoute];

    /// Reads the value of `key` (one of [`Api::SCENARIO_KEYS`]) from a
    /// scenario's map into `part`; errors name the path of the field at fault.
    fn read_scenario_key<'de, A: MapAccess<'de>>(
        part: &mut Self::ScenarioPart,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error>;

    /// The API's part of [`Scenario::default_scenario`](crate::Scenario::default_scenario).
    fn default_scenario_part() -> Self::ScenarioPart;

    /// The API's state, from its scenario part.
    fn state(part: Self::ScenarioPart, shared: &SharedState) -> Self::State;

    /// The API's routes (full paths, under [`Api::ROUTE_PREFIX`]).
    fn routes() -> Router<ApiContext<Self::State>>;
}
