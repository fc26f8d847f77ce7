//! Scenario errors, which name the file and the path of the field at fault,
//! and the JSON parsing that finds that path.

use std::fmt;
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use serde::de::{DeserializeOwned, DeserializeSeed};

/// Why a scenario could not be read: what is wrong and where (the file, and
/// the path of the field, e.g. `publishers.contoso.offers.vm-offer.publish.steps[1].durationSeconds`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioError {
    pub(crate) file: Option<PathBuf>,
    pub(crate) field_path: Option<String>,
    pub(crate) message: String,
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
    parse_json_seed(PhantomData::<T>, json, file)
}

/// Parses JSON with `seed`, naming the path of the field at fault on error.
pub(crate) fn parse_json_seed<'de, S: DeserializeSeed<'de>>(
    seed: S,
    json: &'de str,
    file: Option<&Path>,
) -> Result<S::Value, ScenarioError> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let mut track = serde_path_to_error::Track::new();
    let parsed = match seed.deserialize(serde_path_to_error::Deserializer::new(
        &mut deserializer,
        &mut track,
    )) {
        Ok(value) => deserializer
            .end()
            .map(|()| value)
            .map_err(|error| (None, error)),
        Err(error) => {
            let field_path = track.path().to_string();
            Err(((field_path != ".").then_some(field_path), error))
        }
    };
    parsed.map_err(|(field_path, error)| ScenarioError {
        file: file.map(Path::to_path_buf),
        field_path,
        message: error.to_string(),
    })
}
