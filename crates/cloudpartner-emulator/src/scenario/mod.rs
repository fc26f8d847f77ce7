//! Scenarios: what the emulator serves — the token, the time scale, the
//! known clients and faults, and each API's part (for the CPP API, the
//! publishers' offers: fixed documents or simulated publishes) — parsed
//! from the JSON described in the repository's `docs/emulator.md`.

pub(crate) mod default_scenario;
pub(crate) mod fault_json;
pub(crate) mod number_fields;
pub(crate) mod scenario_error;
pub(crate) mod scenario_file;

use std::path::Path;

use crate::apis::ApiScenarios;
use crate::auth::client_credentials::ClientCredentials;
use crate::faults::fault::Fault;
use crate::scenario::scenario_error::{ScenarioError, parse_json};

/// The bearer token of a scenario that does not set one.
pub const DEFAULT_TOKEN: &str = "emulator-token";

/// What an emulator serves: its access token, the clients its token endpoint
/// knows, the faults to inject, and each API's part (for the CPP API, the
/// publishers' offers).
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
    pub(crate) faults: Vec<Fault>,
    /// Each API's part.
    pub(crate) apis: ApiScenarios,
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
        self.apis.cpp.offer_ids()
    }

    /// The Product Ingestion products (external ids) the scenario serves, sorted.
    pub fn ingestion_product_ids(&self) -> Vec<String> {
        self.apis
            .ingestion
            .products
            .keys()
            .map(|id| id.0.clone())
            .collect()
    }

    /// The simulated seconds a simulated publish takes from its start to the
    /// end of its last step; `None` for unknown offers and fixed documents.
    pub fn publish_seconds(&self, publisher: &str, offer: &str) -> Option<f64> {
        self.apis.cpp.publish_seconds(publisher, offer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cpp::location::LocationForm;
    use crate::cpp::scenario_offer::StatusSource;

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
        match &scenario.apis.cpp.publishers["contoso"]["fixed-offer"].status {
            StatusSource::Fixed { body } => {
                assert_eq!(body, r#"{"status": "succeeded", "steps": []}"#)
            }
            other => panic!("unexpected offer {other:?}"),
        }
        assert_eq!(scenario.apis.cpp.location_form, LocationForm::Operations);
        assert!(!scenario.apis.cpp.omit_etag);
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
            scenario.apis.cpp.publishers["p"]["o"].notification_emails,
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
        assert_eq!(scenario.apis.cpp.location_form, LocationForm::Legacy);
        assert!(scenario.apis.cpp.omit_etag);
        let offer = &scenario.apis.cpp.publishers["p"]["o"];
        assert!(matches!(offer.status, StatusSource::NeverPublished));
        let keys: Vec<&String> = offer.document.as_ref().unwrap().keys().collect();
        assert_eq!(keys, ["id", "publisherId", "version", "z", "a"]);
        assert_eq!(offer.omit_etag, Some(false));
        assert_eq!(offer.notification_emails, "a@x");
        assert_eq!(offer.release_steps.as_ref().unwrap()[0].id, "s");
        assert!(
            scenario.apis.cpp.publishers["p"]["bare"]
                .release_steps
                .is_none()
        );
        for form in ["operations", "absolute"] {
            let scenario =
                Scenario::from_json_str(&format!(r#"{{"locationForm": "{form}"}}"#)).unwrap();
            assert_ne!(scenario.apis.cpp.location_form, LocationForm::Legacy);
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
