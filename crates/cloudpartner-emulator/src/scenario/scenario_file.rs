//! A scenario file's top level: the shared fields (`token`, `timeScale`,
//! `clients`, `faults`), each API's fields handed to that API, anything else
//! an unknown field.

use std::fmt;
use std::sync::OnceLock;

use serde::de::{Error, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::apis::ApiScenarios;
use crate::auth::client_credentials::ClientCredentials;
use crate::faults::fault::Fault;
use crate::scenario::number_fields::positive_number;
use crate::scenario::{DEFAULT_TOKEN, Scenario};

/// The top-level fields every scenario has, whatever its APIs.
const SHARED_FIELDS: [&str; 4] = ["token", "timeScale", "clients", "faults"];

/// Every top-level field: the shared ones, then each API's.
fn fields() -> &'static [&'static str] {
    static FIELDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    FIELDS.get_or_init(|| {
        SHARED_FIELDS
            .into_iter()
            .chain(ApiScenarios::scenario_keys())
            .collect()
    })
}

/// A token: non-empty, without whitespace or control characters.
struct Token(String);

impl<'de> Deserialize<'de> for Token {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Token, D::Error> {
        let token = String::deserialize(deserializer)?;
        if token.is_empty() || token.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(D::Error::custom(
                "the token must be non-empty, without spaces or control characters",
            ));
        }
        Ok(Token(token))
    }
}

/// A time scale: a finite number > 0.
struct TimeScale(f64);

impl<'de> Deserialize<'de> for TimeScale {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<TimeScale, D::Error> {
        positive_number(deserializer).map(TimeScale)
    }
}

impl<'de> Deserialize<'de> for Scenario {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Scenario, D::Error> {
        deserializer.deserialize_map(ScenarioVisitor)
    }
}

/// Reads a scenario's top-level map.
struct ScenarioVisitor;

impl<'de> Visitor<'de> for ScenarioVisitor {
    type Value = Scenario;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a scenario, a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scenario, A::Error> {
        /// Refuses a field given twice.
        fn first<E: Error>(seen: &mut Vec<&'static str>, field: &'static str) -> Result<(), E> {
            if seen.contains(&field) {
                return Err(E::duplicate_field(field));
            }
            seen.push(field);
            Ok(())
        }
        let mut seen = Vec::new();
        let mut scenario = Scenario {
            token: String::from(DEFAULT_TOKEN),
            time_scale: 1.0,
            clients: Vec::new(),
            faults: Vec::new(),
            apis: ApiScenarios::default(),
        };
        while let Some(key) = map.next_key::<String>()? {
            let Some(field) = fields().iter().copied().find(|field| *field == key) else {
                return Err(A::Error::unknown_field(&key, fields()));
            };
            first(&mut seen, field)?;
            match field {
                "token" => scenario.token = map.next_value::<Token>()?.0,
                "timeScale" => scenario.time_scale = map.next_value::<TimeScale>()?.0,
                "clients" => scenario.clients = map.next_value::<Vec<ClientCredentials>>()?,
                "faults" => scenario.faults = map.next_value::<Vec<Fault>>()?,
                _ => scenario.apis.read_key(field, &mut map)?,
            }
        }
        Ok(scenario)
    }
}
