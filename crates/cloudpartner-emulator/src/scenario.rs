//! Scenarios: what the emulator serves — the token, the known clients, the
//! publishers' offers (fixed documents or simulated publishes) and faults —
//! parsed from the JSON described in DESIGN §4.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;

use crate::fault::Fault;
use crate::publish::{SimulatedPublish, SimulatedStep, StepOutcome};

/// The bearer token of a scenario that does not set one.
pub const DEFAULT_TOKEN: &str = "emulator-token";

/// What an emulator serves: its access token, the clients its token endpoint
/// knows, the publishers' offers and the faults to inject.
///
/// Parse one from JSON with [`Scenario::from_json_str`] or
/// [`Scenario::from_file`], or take [`Scenario::default_scenario`]:
///
/// ```
/// use cloudpartner_emulator::Scenario;
/// let scenario = Scenario::from_json_str(r#"{
///     "token": "t0k3n",
///     "publishers": {"contoso": {"offers": {
///         "fixed-offer": {"status": {"status": "succeeded", "steps": []}}
///     }}}
/// }"#).unwrap();
/// assert_eq!(scenario.token(), "t0k3n");
/// ```
#[derive(Clone, Debug)]
pub struct Scenario {
    pub(crate) token: String,
    pub(crate) time_scale: f64,
    pub(crate) clients: Vec<ClientCredentials>,
    pub(crate) publishers: BTreeMap<String, BTreeMap<String, ScenarioOffer>>,
    pub(crate) faults: Vec<Fault>,
}

/// A client the token endpoint knows.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct ClientCredentials {
    pub tenant: String,
    pub client_id: String,
    pub client_secret: String,
}

/// One offer of a scenario: a fixed document or a simulated publish.
#[derive(Clone, Debug)]
pub(crate) enum ScenarioOffer {
    /// A document served verbatim.
    Fixed {
        /// The JSON text of the document.
        body: String,
    },
    /// A publish simulated on the emulator's clock.
    Simulated {
        publish: SimulatedPublish,
        /// The `notificationEmails` string of the documents.
        notification_emails: String,
    },
}

/// Why a scenario could not be read: what is wrong and where (the file, and
/// the path of the field, e.g. `publishers.contoso.offers.vm-offer.publish.steps[1].durationSeconds`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioError {
    file: Option<PathBuf>,
    field_path: Option<String>,
    message: String,
}

impl ScenarioError {
    /// The path of the offending field, when the error is about one.
    pub fn field_path(&self) -> Option<&str> {
        self.field_path.as_deref()
    }

    /// The scenario file, when the scenario was read from one.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(formatter, "scenario file {}: ", file.display())?;
        } else {
            formatter.write_str("scenario: ")?;
        }
        if let Some(field_path) = &self.field_path {
            write!(formatter, "{field_path}: ")?;
        }
        formatter.write_str(&self.message)
    }
}

impl std::error::Error for ScenarioError {}

/// Parses JSON into `T`, naming the path of the field at fault on error.
pub(crate) fn parse_json<T: DeserializeOwned>(
    json: &str,
    file: Option<&Path>,
) -> Result<T, ScenarioError> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let parsed = match serde_path_to_error::deserialize(&mut deserializer) {
        Ok(value) => deserializer
            .end()
            .map(|()| value)
            .map_err(|error| (None, error)),
        Err(error) => {
            let field_path = error.path().to_string();
            Err((
                (field_path != ".").then_some(field_path),
                error.into_inner(),
            ))
        }
    };
    parsed.map_err(|(field_path, error)| ScenarioError {
        file: file.map(Path::to_path_buf),
        field_path,
        message: error.to_string(),
    })
}

impl Scenario {
    /// Parses a scenario from its JSON text.
    ///
    /// Errors name the field at fault, e.g.
    /// `publishers.contoso.offers.vm-offer.publish.steps[1].durationSeconds: invalid type: string "x", expected f64 at line 9 column 31`.
    /// Besides JSON types, the scenario is checked for unknown fields and
    /// fault kinds, negative durations, unknown step outcomes, a time scale
    /// that is not positive, an offer with both or neither of `status` and
    /// `publish`, and fault fields that do not fit the fault's kind.
    pub fn from_json_str(json: &str) -> Result<Scenario, ScenarioError> {
        parse_json(json, None)
    }

    /// Reads and parses a scenario file; errors also name the file.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Scenario, ScenarioError> {
        let path = path.as_ref();
        let json = std::fs::read_to_string(path).map_err(|error| ScenarioError {
            file: Some(path.to_path_buf()),
            field_path: None,
            message: format!("cannot read the file: {error}"),
        })?;
        parse_json(&json, Some(path))
    }

    /// The bearer token the status endpoint accepts and the token endpoint issues.
    pub fn token(&self) -> &str {
        &self.token
    }

    /// Simulated seconds per real second.
    pub fn time_scale(&self) -> f64 {
        self.time_scale
    }

    /// The `(publisher, offer)` ids the scenario serves, sorted.
    pub fn offer_ids(&self) -> Vec<(String, String)> {
        self.publishers
            .iter()
            .flat_map(|(publisher, offers)| {
                offers
                    .keys()
                    .map(move |offer| (publisher.clone(), offer.clone()))
            })
            .collect()
    }

    /// The simulated seconds a simulated publish takes from its start to the
    /// end of its last step; `None` for unknown offers and fixed documents.
    pub fn publish_seconds(&self, publisher: &str, offer: &str) -> Option<f64> {
        match self.publishers.get(publisher)?.get(offer)? {
            ScenarioOffer::Simulated { publish, .. } => Some(publish.total_seconds()),
            ScenarioOffer::Fixed { .. } => None,
        }
    }
}

impl<'de> Deserialize<'de> for Scenario {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Scenario, D::Error> {
        let spec = ScenarioSpec::deserialize(deserializer)?;
        Ok(Scenario {
            token: spec.token,
            time_scale: spec.time_scale,
            clients: spec.clients,
            publishers: spec
                .publishers
                .into_iter()
                .map(|(id, publisher)| (id, publisher.offers))
                .collect(),
            faults: spec.faults,
        })
    }
}

/// A scenario file's top level.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ScenarioSpec {
    #[serde(default = "default_token", deserialize_with = "token")]
    token: String,
    #[serde(default = "default_time_scale", deserialize_with = "positive_number")]
    time_scale: f64,
    #[serde(default)]
    clients: Vec<ClientCredentials>,
    #[serde(default)]
    publishers: BTreeMap<String, PublisherSpec>,
    #[serde(default)]
    faults: Vec<Fault>,
}

/// A publisher of a scenario file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PublisherSpec {
    #[serde(default)]
    offers: BTreeMap<String, ScenarioOffer>,
}

/// An offer of a scenario file.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct OfferSpec {
    status: Option<Box<RawValue>>,
    publish: Option<PublishSpec>,
    #[serde(default, deserialize_with = "notification_emails")]
    notification_emails: Option<String>,
}

/// A simulated publish of a scenario file.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PublishSpec {
    #[serde(default, deserialize_with = "finite_number")]
    started_seconds_ago: f64,
    #[serde(default)]
    steps: Vec<StepSpec>,
}

/// A step of a simulated publish in a scenario file.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct StepSpec {
    id: String,
    step_name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    estimated_time_frame: String,
    #[serde(deserialize_with = "non_negative_number")]
    duration_seconds: f64,
    #[serde(default)]
    outcome: StepOutcome,
    message: Option<String>,
}

impl<'de> Deserialize<'de> for ScenarioOffer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ScenarioOffer, D::Error> {
        use serde::de::Error;
        let spec = OfferSpec::deserialize(deserializer)?;
        match (spec.status, spec.publish) {
            (Some(status), None) => {
                if spec.notification_emails.is_some() {
                    return Err(D::Error::custom(
                        "`notificationEmails` applies only to a simulated `publish`; put it inside the `status` document",
                    ));
                }
                Ok(ScenarioOffer::Fixed {
                    body: status.get().to_owned(),
                })
            }
            (None, Some(publish)) => Ok(ScenarioOffer::Simulated {
                publish: SimulatedPublish {
                    started_seconds_ago: publish.started_seconds_ago,
                    steps: publish.steps.into_iter().map(SimulatedStep::from).collect(),
                },
                notification_emails: spec.notification_emails.unwrap_or_default(),
            }),
            (Some(_), Some(_)) => Err(D::Error::custom(
                "an offer has either `status` (a fixed document) or `publish` (a simulated publish), not both",
            )),
            (None, None) => Err(D::Error::custom(
                "an offer needs `status` (a fixed document) or `publish` (a simulated publish)",
            )),
        }
    }
}

impl From<StepSpec> for SimulatedStep {
    fn from(spec: StepSpec) -> SimulatedStep {
        SimulatedStep {
            id: spec.id,
            step_name: spec.step_name,
            description: spec.description,
            estimated_time_frame: spec.estimated_time_frame,
            duration_seconds: spec.duration_seconds,
            outcome: spec.outcome,
            message: spec.message,
        }
    }
}

fn default_token() -> String {
    String::from(DEFAULT_TOKEN)
}

fn default_time_scale() -> f64 {
    1.0
}

/// A token: non-empty, without whitespace or control characters.
fn token<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    use serde::de::Error;
    let token = String::deserialize(deserializer)?;
    if token.is_empty() || token.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(D::Error::custom(
            "the token must be non-empty, without spaces or control characters",
        ));
    }
    Ok(token)
}

/// A finite number.
fn finite_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    use serde::de::Error;
    let number = f64::deserialize(deserializer)?;
    if !number.is_finite() {
        return Err(D::Error::custom(format!(
            "must be a finite number, got {number}"
        )));
    }
    Ok(number)
}

/// A finite number ≥ 0.
fn non_negative_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    use serde::de::Error;
    let number = finite_number(deserializer)?;
    if number < 0.0 {
        return Err(D::Error::custom(format!(
            "must not be negative, got {number}"
        )));
    }
    Ok(number)
}

/// A finite number > 0.
fn positive_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    use serde::de::Error;
    let number = finite_number(deserializer)?;
    if number <= 0.0 {
        return Err(D::Error::custom(format!(
            "must be greater than 0, got {number}"
        )));
    }
    Ok(number)
}

/// `notificationEmails`: a string, or an array of strings joined with `", "`.
fn notification_emails<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    use serde::de::Error;
    match Option::<serde_json::Value>::deserialize(deserializer)? {
        None => Ok(None),
        Some(serde_json::Value::String(emails)) => Ok(Some(emails)),
        Some(serde_json::Value::Array(items)) => items
            .into_iter()
            .map(|item| match item {
                serde_json::Value::String(email) => Ok(email),
                _ => Err(D::Error::custom("must be a string or an array of strings")),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(|emails| Some(emails.join(", "))),
        Some(_) => Err(D::Error::custom("must be a string or an array of strings")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = r#"{
      "token": "emulator-token",
      "timeScale": 1.0,
      "clients": [{"tenant": "t1", "clientId": "c1", "clientSecret": "s1"}],
      "publishers": {
        "contoso": {
          "offers": {
            "fixed-offer": {"status": {"status": "succeeded", "steps": []}},
            "vm-offer": {"publish": {"startedSecondsAgo": 0, "steps": [
              {"id": "displaydummycertify", "stepName": "Validate Pre-Requisites", "estimatedTimeFrame": "< 15 min", "durationSeconds": 600},
              {"id": "displaycertify", "stepName": "Certification", "estimatedTimeFrame": "~2-3 days", "durationSeconds": 172800, "outcome": "rejected"}
            ]}}
          }
        }
      },
      "faults": [
        {"offerId": "vm-offer", "kind": "status", "status": 503, "times": 2},
        {"kind": "status", "status": 429, "retryAfterSeconds": 1, "times": 1},
        {"kind": "latency", "ms": 20}
      ]
    }"#;

    #[test]
    fn the_design_example_parses() {
        let scenario = Scenario::from_json_str(EXAMPLE).unwrap();
        assert_eq!(scenario.token(), "emulator-token");
        assert_eq!(scenario.time_scale(), 1.0);
        assert_eq!(scenario.clients.len(), 1);
        assert_eq!(scenario.faults.len(), 3);
        assert_eq!(
            scenario.offer_ids(),
            vec![
                (String::from("contoso"), String::from("fixed-offer")),
                (String::from("contoso"), String::from("vm-offer")),
            ]
        );
        assert_eq!(
            scenario.publish_seconds("contoso", "vm-offer"),
            Some(173400.0)
        );
        assert_eq!(scenario.publish_seconds("contoso", "fixed-offer"), None);
        match &scenario.publishers["contoso"]["fixed-offer"] {
            ScenarioOffer::Fixed { body } => {
                assert_eq!(body, r#"{"status": "succeeded", "steps": []}"#)
            }
            other => panic!("unexpected offer {other:?}"),
        }
    }

    #[test]
    fn defaults_fill_an_empty_scenario() {
        let scenario = Scenario::from_json_str("{}").unwrap();
        assert_eq!(scenario.token(), DEFAULT_TOKEN);
        assert_eq!(scenario.time_scale(), 1.0);
        assert!(scenario.offer_ids().is_empty());
    }

    fn error_of(json: &str) -> String {
        Scenario::from_json_str(json).unwrap_err().to_string()
    }

    #[test]
    fn type_errors_name_the_field_path() {
        let json = EXAMPLE.replace(r#""durationSeconds": 172800"#, r#""durationSeconds": "x""#);
        let error = error_of(&json);
        assert!(
            error.starts_with(
                "scenario: publishers.contoso.offers.vm-offer.publish.steps[1].durationSeconds: invalid type: string \"x\", expected f64"
            ),
            "{error}"
        );
    }

    #[test]
    fn semantic_errors_name_the_field_path() {
        let cases = [
            (
                EXAMPLE.replace(r#""durationSeconds": 600"#, r#""durationSeconds": -1"#),
                "publishers.contoso.offers.vm-offer.publish.steps[0].durationSeconds: must not be negative",
            ),
            (
                EXAMPLE.replace(r#""outcome": "rejected""#, r#""outcome": "exploded""#),
                "publishers.contoso.offers.vm-offer.publish.steps[1].outcome: unknown variant `exploded`",
            ),
            (
                EXAMPLE.replace(r#""kind": "latency""#, r#""kind": "slow""#),
                "faults[2].kind: unknown variant `slow`",
            ),
            (
                EXAMPLE.replace(r#""timeScale": 1.0"#, r#""timeScale": 0"#),
                "timeScale: must be greater than 0",
            ),
            (
                EXAMPLE.replace(r#""stepName": "Certification""#, r#""stepNam": "x""#),
                "publishers.contoso.offers.vm-offer.publish.steps[1].stepNam: unknown field `stepNam`",
            ),
            (
                EXAMPLE.replace(r#""status": 503"#, r#""ms": 503"#),
                "faults[0]: field `ms` does not apply to a fault of kind `status`",
            ),
            (
                EXAMPLE.replace(r#"{"status": {"status": "succeeded", "steps": []}}"#, "{}"),
                "publishers.contoso.offers.fixed-offer: an offer needs `status`",
            ),
            (
                EXAMPLE.replace(r#", "clientSecret": "s1""#, ""),
                "clients[0]: missing field `clientSecret`",
            ),
            (
                EXAMPLE.replace(r#""token": "emulator-token""#, r#""token": "a b""#),
                "token: the token must be non-empty",
            ),
        ];
        for (json, expected) in cases {
            let error = error_of(&json);
            assert!(
                error.starts_with(&format!("scenario: {expected}")),
                "expected {expected:?}, got {error:?}"
            );
        }
    }

    #[test]
    fn syntax_errors_say_where() {
        let error = error_of("{\"token\": \"x\",\n  oops}");
        assert!(error.contains("line 2 column 3"), "{error}");
        let error = error_of("{} trailing");
        assert!(error.contains("trailing characters"), "{error}");
        let error = error_of("");
        assert!(error.contains("EOF"), "{error}");
    }

    #[test]
    fn file_errors_name_the_file() {
        let directory = std::env::temp_dir().join(format!(
            "cloudpartner-emulator-scenario-{}",
            std::process::id()
        ));
        std::fs::create_dir_all(&directory).unwrap();
        let path = directory.join("broken.json");
        std::fs::write(&path, r#"{"timeScale": "fast"}"#).unwrap();
        let error = Scenario::from_file(&path).unwrap_err();
        assert_eq!(error.file(), Some(path.as_path()));
        assert_eq!(error.field_path(), Some("timeScale"));
        let message = error.to_string();
        assert!(message.contains("broken.json"), "{message}");
        assert!(message.contains("timeScale: invalid type"), "{message}");
        let missing = Scenario::from_file(directory.join("missing.json")).unwrap_err();
        assert!(
            missing
                .to_string()
                .contains("missing.json: cannot read the file"),
            "{missing}"
        );
        std::fs::remove_dir_all(&directory).unwrap();
    }

    #[test]
    fn notification_emails_accept_strings_and_arrays() {
        let scenario = Scenario::from_json_str(
            r#"{"publishers":{"p":{"offers":{"o":{"notificationEmails":["a@x","b@x"],"publish":{"steps":[]}}}}}}"#,
        )
        .unwrap();
        match &scenario.publishers["p"]["o"] {
            ScenarioOffer::Simulated {
                notification_emails,
                ..
            } => assert_eq!(notification_emails, "a@x, b@x"),
            other => panic!("unexpected offer {other:?}"),
        }
    }
}
