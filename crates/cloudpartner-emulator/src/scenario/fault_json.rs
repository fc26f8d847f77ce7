//! Faults read from JSON, their `route` among the names the registered APIs
//! declare.

use serde::de::DeserializeSeed;
use serde::{Deserialize, Deserializer};

use crate::apis::known_fault_routes;
use crate::faults::fault::Fault;
use crate::faults::fault_spec::FaultSeed;
use crate::scenario::scenario_error::{ScenarioError, parse_json};

impl<'de> Deserialize<'de> for Fault {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Fault, D::Error> {
        FaultSeed {
            routes: known_fault_routes(),
        }
        .deserialize(deserializer)
    }
}

impl Fault {
    /// Parses a fault from its scenario JSON, e.g. `{"kind":"latency","ms":20}`.
    pub fn from_json_str(json: &str) -> Result<Fault, ScenarioError> {
        parse_json(json, None)
    }
}
