//! Scenarios: what the emulator serves — the token, the known clients, the
//! publishers' offers (fixed documents or simulated publishes) and faults —
//! parsed from the JSON described in DESIGN §4.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::{DeserializeOwned, DeserializeSeed, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::fault::Fault;
use crate::location::LocationForm;
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
    pub(crate) location_form: LocationForm,
    pub(crate) omit_etag: bool,
}

/// A client the token endpoint knows.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct ClientCredentials {
    pub tenant: String,
    pub client_id: String,
    pub client_secret: String,
}

/// One offer of a scenario: what its status route serves, and, as a
/// resource of the publishing API, its offer document.
#[derive(Clone, Debug)]
pub(crate) struct ScenarioOffer {
    /// What the status route serves until the offer is published through the API.
    pub status: StatusSource,
    /// The draft offer document (scenario field `offer`), stored as given.
    pub document: Option<Map<String, Value>>,
    /// The steps a publish through the API plays (`publish.steps` next to
    /// `offer`); the default steps of a VM offer when `None`.
    pub release_steps: Option<Vec<SimulatedStep>>,
    /// The `notificationEmails` of simulated status documents, and of
    /// publishes whose request names none.
    pub notification_emails: String,
    /// Whether to leave ETag headers out for this offer; the scenario's
    /// `omitEtag` when `None`.
    pub omit_etag: Option<bool>,
}

/// What the status route of a scenario offer serves before any publish
/// through the API.
#[derive(Clone, Debug)]
pub(crate) enum StatusSource {
    /// A document served verbatim.
    Fixed {
        /// The JSON text of the document.
        body: String,
    },
    /// A publish simulated on the emulator's clock, from its start.
    Simulated { publish: SimulatedPublish },
    /// A `neverPublished` document without steps.
    NeverPublished,
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
    /// that is not positive, an offer without `offer` that has both or
    /// neither of `status` and `publish`, an offer document whose `id` or
    /// `publisherId` differs from its keys, and fault fields that do not fit
    /// the fault's kind.
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
        match &self.publishers.get(publisher)?.get(offer)?.status {
            StatusSource::Simulated { publish } => Some(publish.total_seconds()),
            StatusSource::Fixed { .. } | StatusSource::NeverPublished => None,
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
            publishers: spec.publishers,
            faults: spec.faults,
            location_form: spec.location_form,
            omit_etag: spec.omit_etag,
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
    #[serde(default, deserialize_with = "publishers")]
    publishers: BTreeMap<String, BTreeMap<String, ScenarioOffer>>,
    #[serde(default)]
    faults: Vec<Fault>,
    #[serde(default)]
    location_form: LocationForm,
    #[serde(default)]
    omit_etag: bool,
}

/// An offer of a scenario file.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct OfferSpec {
    status: Option<Box<RawValue>>,
    publish: Option<PublishSpec>,
    #[serde(default, deserialize_with = "notification_emails")]
    notification_emails: Option<String>,
    offer: Option<Map<String, Value>>,
    omit_etag: Option<bool>,
}

/// A simulated publish of a scenario file.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PublishSpec {
    #[serde(default, deserialize_with = "optional_finite_number")]
    started_seconds_ago: Option<f64>,
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
        let notification_emails = spec.notification_emails.clone().unwrap_or_default();
        let steps = |publish: PublishSpec| -> Vec<SimulatedStep> {
            publish.steps.into_iter().map(SimulatedStep::from).collect()
        };
        if let Some(document) = spec.offer {
            let status = match spec.status {
                Some(status) => StatusSource::Fixed {
                    body: status.get().to_owned(),
                },
                None => StatusSource::NeverPublished,
            };
            if spec
                .publish
                .as_ref()
                .is_some_and(|publish| publish.started_seconds_ago.is_some())
            {
                return Err(D::Error::custom(
                    "next to `offer`, `publish` gives the steps a publish through the API plays; `startedSecondsAgo` does not apply",
                ));
            }
            return Ok(ScenarioOffer {
                status,
                document: Some(document),
                release_steps: spec.publish.map(steps),
                notification_emails,
                omit_etag: spec.omit_etag,
            });
        }
        if spec.omit_etag.is_some() {
            return Err(D::Error::custom(
                "`omitEtag` applies to an offer with an `offer` document",
            ));
        }
        let status = match (spec.status, spec.publish) {
            (Some(status), None) => {
                if spec.notification_emails.is_some() {
                    return Err(D::Error::custom(
                        "`notificationEmails` applies only to a simulated `publish`; put it inside the `status` document",
                    ));
                }
                StatusSource::Fixed {
                    body: status.get().to_owned(),
                }
            }
            (None, Some(publish)) => StatusSource::Simulated {
                publish: SimulatedPublish {
                    started_seconds_ago: publish.started_seconds_ago.unwrap_or(0.0),
                    steps: steps(publish),
                },
            },
            (Some(_), Some(_)) => {
                return Err(D::Error::custom(
                    "an offer has either `status` (a fixed document) or `publish` (a simulated publish), not both (unless it has an `offer` document)",
                ));
            }
            (None, None) => {
                return Err(D::Error::custom(
                    "an offer needs `status` (a fixed document), `publish` (a simulated publish) or `offer` (an offer document)",
                ));
            }
        };
        Ok(ScenarioOffer {
            status,
            document: None,
            release_steps: None,
            notification_emails,
            omit_etag: None,
        })
    }
}

/// `publishers`: a map from publisher ids to `{"offers": {…}}`, each offer
/// document checked against its publisher's key and its own.
fn publishers<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, BTreeMap<String, ScenarioOffer>>, D::Error> {
    struct Publishers;
    impl<'de> Visitor<'de> for Publishers {
        type Value = BTreeMap<String, BTreeMap<String, ScenarioOffer>>;
        fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
            formatter.write_str("a map from publisher ids to publishers")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut publishers = BTreeMap::new();
            while let Some(publisher_id) = map.next_key::<String>()? {
                let offers = map.next_value_seed(PublisherSeed {
                    publisher_id: &publisher_id,
                })?;
                publishers.insert(publisher_id, offers);
            }
            Ok(publishers)
        }
    }
    deserializer.deserialize_map(Publishers)
}

/// A publisher of a scenario file, `{"offers": {…}}`, knowing its id.
struct PublisherSeed<'a> {
    publisher_id: &'a str,
}

impl<'de> DeserializeSeed<'de> for PublisherSeed<'_> {
    type Value = BTreeMap<String, ScenarioOffer>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for PublisherSeed<'_> {
    type Value = BTreeMap<String, ScenarioOffer>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a publisher, {\"offers\": {…}}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        use serde::de::Error;
        /// The fields of a publisher.
        #[derive(Deserialize)]
        #[serde(field_identifier, rename_all = "camelCase")]
        enum Field {
            Offers,
        }
        let mut offers = None;
        while let Some(Field::Offers) = map.next_key::<Field>()? {
            if offers.is_some() {
                return Err(A::Error::duplicate_field("offers"));
            }
            offers = Some(map.next_value_seed(OffersSeed {
                publisher_id: self.publisher_id,
            })?);
        }
        Ok(offers.unwrap_or_default())
    }
}

/// A publisher's `offers` map, knowing the publisher's id.
struct OffersSeed<'a> {
    publisher_id: &'a str,
}

impl<'de> DeserializeSeed<'de> for OffersSeed<'_> {
    type Value = BTreeMap<String, ScenarioOffer>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OffersSeed<'_> {
    type Value = BTreeMap<String, ScenarioOffer>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a map from offer ids to offers")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut offers = BTreeMap::new();
        while let Some(offer_id) = map.next_key::<String>()? {
            let offer = map.next_value_seed(OfferSeed {
                publisher_id: self.publisher_id,
                offer_id: &offer_id,
            })?;
            offers.insert(offer_id, offer);
        }
        Ok(offers)
    }
}

/// One offer, knowing its publisher's id and its own.
struct OfferSeed<'a> {
    publisher_id: &'a str,
    offer_id: &'a str,
}

impl<'de> DeserializeSeed<'de> for OfferSeed<'_> {
    type Value = ScenarioOffer;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<ScenarioOffer, D::Error> {
        use serde::de::Error;
        let offer = ScenarioOffer::deserialize(deserializer)?;
        if let Some(document) = &offer.document {
            for (field, expected) in [("id", self.offer_id), ("publisherId", self.publisher_id)] {
                match document.get(field) {
                    None => {}
                    Some(Value::String(id)) if id == expected => {}
                    Some(other) => {
                        return Err(D::Error::custom(format!(
                            "`offer.{field}` is {other}, but the offer is listed as `{expected}`"
                        )));
                    }
                }
            }
            if let Some(version) = document.get("version") {
                if version.as_u64().is_none() {
                    return Err(D::Error::custom(format!(
                        "`offer.version` must be a whole number, got {version}"
                    )));
                }
            }
        }
        Ok(offer)
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

/// An optional finite number.
fn optional_finite_number<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<f64>, D::Error> {
    finite_number(deserializer).map(Some)
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
        match &scenario.publishers["contoso"]["fixed-offer"].status {
            StatusSource::Fixed { body } => {
                assert_eq!(body, r#"{"status": "succeeded", "steps": []}"#)
            }
            other => panic!("unexpected offer {other:?}"),
        }
        assert_eq!(scenario.location_form, LocationForm::Operations);
        assert!(!scenario.omit_etag);
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
        assert_eq!(
            scenario.publishers["p"]["o"].notification_emails,
            "a@x, b@x"
        );
    }

    #[test]
    fn publishing_fields_parse() {
        let scenario = Scenario::from_json_str(
            r#"{"locationForm": "legacy", "omitEtag": true, "publishers": {"p": {"offers": {
                "o": {"offer": {"id": "o", "publisherId": "p", "version": 3, "z": 1, "a": 2},
                      "omitEtag": false, "notificationEmails": "a@x",
                      "publish": {"steps": [{"id": "s", "stepName": "S", "durationSeconds": 1}]}},
                "bare": {"offer": {}}
            }}}}"#,
        )
        .unwrap();
        assert_eq!(scenario.location_form, LocationForm::Legacy);
        assert!(scenario.omit_etag);
        let offer = &scenario.publishers["p"]["o"];
        assert!(matches!(offer.status, StatusSource::NeverPublished));
        let keys: Vec<&String> = offer.document.as_ref().unwrap().keys().collect();
        assert_eq!(keys, ["id", "publisherId", "version", "z", "a"]);
        assert_eq!(offer.omit_etag, Some(false));
        assert_eq!(offer.notification_emails, "a@x");
        assert_eq!(offer.release_steps.as_ref().unwrap()[0].id, "s");
        assert!(scenario.publishers["p"]["bare"].release_steps.is_none());
        for form in ["operations", "absolute"] {
            let scenario =
                Scenario::from_json_str(&format!(r#"{{"locationForm": "{form}"}}"#)).unwrap();
            assert_ne!(scenario.location_form, LocationForm::Legacy);
        }
    }

    #[test]
    fn publishing_mistakes_name_the_field_path() {
        let cases = [
            (
                r#"{"locationForm": "relative"}"#,
                "locationForm: unknown variant `relative`",
            ),
            (r#"{"omitEtag": "yes"}"#, "omitEtag: invalid type"),
            (
                r#"{"publishers": {"p": {"offers": {"o": {"offer": [1]}}}}}"#,
                "publishers.p.offers.o.offer: invalid type: sequence",
            ),
            (
                r#"{"publishers": {"p": {"offers": {"o": {"offer": {"id": "x"}}}}}}"#,
                "publishers.p.offers.o: `offer.id` is \"x\", but the offer is listed as `o`",
            ),
            (
                r#"{"publishers": {"p": {"offers": {"o": {"offer": {"publisherId": "q"}}}}}}"#,
                "publishers.p.offers.o: `offer.publisherId` is \"q\", but the offer is listed as `p`",
            ),
            (
                r#"{"publishers": {"p": {"offers": {"o": {"offer": {"version": "2"}}}}}}"#,
                "publishers.p.offers.o: `offer.version` must be a whole number",
            ),
            (
                r#"{"publishers": {"p": {"offers": {"o": {"offer": {}, "publish": {"startedSecondsAgo": 5}}}}}}"#,
                "publishers.p.offers.o: next to `offer`, `publish` gives the steps",
            ),
            (
                r#"{"publishers": {"p": {"offers": {"o": {"status": {}, "omitEtag": true}}}}}"#,
                "publishers.p.offers.o: `omitEtag` applies to an offer with an `offer` document",
            ),
            (
                r#"{"publishers": {"p": {"offers": {"o": {"offer": {}, "offerr": 1}}}}}"#,
                "publishers.p.offers.o.offerr: unknown field `offerr`",
            ),
            (
                r#"{"publishers": {"p": {"offer": {}}}}"#,
                "publishers.p.offer: unknown field `offer`, expected `offers`",
            ),
            (
                r#"{"publishers": {"p": {"offers": {"o": {"offer": {}, "publish": {"steps": [{"id": "a", "stepName": "A", "durationSeconds": -2}]}}}}}}"#,
                "publishers.p.offers.o.publish.steps[0].durationSeconds: must not be negative",
            ),
        ];
        for (json, expected) in cases {
            let error = error_of(json);
            assert!(
                error.starts_with(&format!("scenario: {expected}")),
                "expected {expected:?}, got {error:?}"
            );
        }
    }
}
