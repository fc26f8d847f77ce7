//! One offer of a scenario (an entry of `publishers.{p}.offers`): what its
//! status route serves, and, as a resource of the publishing API, its offer
//! document.

use serde::{Deserialize, Deserializer};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::cpp::publish_simulation::{SimulatedPublish, SimulatedStep, StepOutcome};
use crate::scenario::number_fields::{non_negative_number, optional_finite_number};

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
