//! The Product Ingestion API's part of a scenario: the top-level field
//! `ingestion` (see the module docs for the format). Mistakes are errors
//! naming the field path, e.g.
//! `ingestion.products.vm-new.plans.standard.versions[0]: …`.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};

use crate::scenario::number_fields::non_negative_number;

/// The top-level scenario fields the Product Ingestion API reads.
pub(crate) const SCENARIO_KEYS: &[&str] = &["ingestion"];

/// The simulated seconds a preview (certification) takes unless the scenario
/// says otherwise: one day.
pub const DEFAULT_PREVIEW_SECONDS: f64 = 86_400.0;

/// The simulated seconds a live push takes unless the scenario says
/// otherwise: four hours.
pub const DEFAULT_LIVE_SECONDS: f64 = 14_400.0;

/// The Product Ingestion API's part of a scenario.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct IngestionScenario {
    /// The products, by external id (the offer id).
    #[serde(default)]
    pub products: BTreeMap<ExternalId, ScenarioProduct>,
}

/// A product of the scenario.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct ScenarioProduct {
    /// The product's alias (its name in Partner Center); the external id
    /// when absent.
    #[serde(default)]
    pub alias: Option<String>,
    /// Whether the product is published (preview and live hold the draft,
    /// one submission in both) or was never published.
    #[serde(default)]
    pub published: bool,
    /// The plans, by external id (the plan id).
    #[serde(default)]
    pub plans: BTreeMap<PlanId, ScenarioPlan>,
    /// How a preview plays.
    #[serde(default)]
    pub preview: PreviewPlay,
    /// How a live push plays.
    #[serde(default)]
    pub live: LivePlay,
}

/// How a preview plays: its simulated duration and outcome.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct PreviewPlay {
    /// Simulated seconds of certification (default one day).
    #[serde(
        default = "default_preview_seconds",
        deserialize_with = "non_negative_number"
    )]
    pub seconds: f64,
    /// `succeeded` or `certificationFailed`.
    #[serde(default)]
    pub outcome: PreviewOutcome,
}

impl Default for PreviewPlay {
    fn default() -> Self {
        PreviewPlay {
            seconds: DEFAULT_PREVIEW_SECONDS,
            outcome: PreviewOutcome::Succeeded,
        }
    }
}

fn default_preview_seconds() -> f64 {
    DEFAULT_PREVIEW_SECONDS
}

/// How a live push plays: its simulated duration.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct LivePlay {
    /// Simulated seconds of the push (default four hours).
    #[serde(
        default = "default_live_seconds",
        deserialize_with = "non_negative_number"
    )]
    pub seconds: f64,
}

impl Default for LivePlay {
    fn default() -> Self {
        LivePlay {
            seconds: DEFAULT_LIVE_SECONDS,
        }
    }
}

fn default_live_seconds() -> f64 {
    DEFAULT_LIVE_SECONDS
}

/// How a preview ends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) enum PreviewOutcome {
    /// Certification passes.
    #[default]
    Succeeded,
    /// Certification fails: the submission and its job fail with nested
    /// `invalidState` certification errors.
    CertificationFailed,
}

/// A plan of the scenario: its SKUs and the image versions its technical
/// configuration holds (published when the product is).
#[derive(Clone, Debug)]
pub(crate) struct ScenarioPlan {
    /// `[{imageType, skuId}]`; default one x64Gen2 SKU named as the plan.
    pub skus: Option<Vec<ScenarioSku>>,
    /// The version numbers, `N.N.N`, each with one image per SKU.
    pub versions: Vec<String>,
}

/// A SKU of a plan: its image type and id.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct ScenarioSku {
    /// `x64Gen1`, `x64Gen2` or `arm64Gen2`.
    pub image_type: ImageType,
    /// The SKU id, `[a-z0-9-_]+`.
    pub sku_id: PlanId,
}

/// An image type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub(crate) enum ImageType {
    /// Generation 1, x64.
    #[serde(rename = "x64Gen1")]
    X64Gen1,
    /// Generation 2, x64.
    #[serde(rename = "x64Gen2")]
    X64Gen2,
    /// Generation 2, Arm64.
    #[serde(rename = "arm64Gen2")]
    Arm64Gen2,
}

impl ImageType {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            ImageType::X64Gen1 => "x64Gen1",
            ImageType::X64Gen2 => "x64Gen2",
            ImageType::Arm64Gen2 => "arm64Gen2",
        }
    }
}

impl<'de> Deserialize<'de> for ScenarioPlan {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ScenarioPlan, D::Error> {
        use serde::de::Error;
        /// The plan as written.
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase", deny_unknown_fields)]
        struct Raw {
            #[serde(default)]
            skus: Option<Vec<ScenarioSku>>,
            #[serde(default)]
            versions: Vec<VersionNumber>,
        }
        let raw = Raw::deserialize(deserializer)?;
        if let Some(skus) = &raw.skus {
            if skus.is_empty() {
                return Err(D::Error::custom("`skus` must list at least one SKU"));
            }
            for (index, sku) in skus.iter().enumerate() {
                if skus[..index]
                    .iter()
                    .any(|other| other.sku_id.0 == sku.sku_id.0)
                {
                    return Err(D::Error::custom(format!(
                        "`skus` lists the SKU id `{}` twice",
                        sku.sku_id.0
                    )));
                }
                if skus[..index]
                    .iter()
                    .any(|other| other.image_type == sku.image_type)
                {
                    return Err(D::Error::custom(format!(
                        "`skus` lists the image type `{}` twice",
                        sku.image_type.as_str()
                    )));
                }
            }
        }
        let versions: Vec<String> = raw.versions.into_iter().map(|v| v.0).collect();
        if let Some(twice) = versions
            .iter()
            .enumerate()
            .find(|(index, version)| versions[..*index].contains(version))
        {
            return Err(D::Error::custom(format!(
                "`versions` lists `{}` twice",
                twice.1
            )));
        }
        Ok(ScenarioPlan {
            skus: raw.skus,
            versions,
        })
    }
}

/// A product external id: `[a-z0-9][a-z0-9-_]{2,49}`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct ExternalId(pub String);

impl<'de> Deserialize<'de> for ExternalId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ExternalId, D::Error> {
        use serde::de::Error;
        let id = String::deserialize(deserializer)?;
        let valid = (3..=50).contains(&id.len())
            && id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
            && id.chars().all(is_id_character);
        if !valid {
            return Err(D::Error::custom(format!(
                "the product id `{id}` must match ^[a-z0-9][a-z0-9-_]{{2,49}}$"
            )));
        }
        Ok(ExternalId(id))
    }
}

/// A plan or SKU id: `[a-z0-9-_]{1,50}`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct PlanId(pub String);

impl<'de> Deserialize<'de> for PlanId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<PlanId, D::Error> {
        use serde::de::Error;
        let id = String::deserialize(deserializer)?;
        if !(1..=50).contains(&id.len()) || !id.chars().all(is_id_character) {
            return Err(D::Error::custom(format!(
                "the id `{id}` must match ^[a-z0-9-_]{{1,50}}$"
            )));
        }
        Ok(PlanId(id))
    }
}

fn is_id_character(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'
}

/// A version number, `N.N.N`.
struct VersionNumber(String);

impl<'de> Deserialize<'de> for VersionNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<VersionNumber, D::Error> {
        use serde::de::Error;
        let version = String::deserialize(deserializer)?;
        if !is_version_number(&version) {
            return Err(D::Error::custom(format!(
                "the version `{version}` must be N.N.N (e.g. 1.0.0)"
            )));
        }
        Ok(VersionNumber(version))
    }
}

/// Whether `text` is a version number as the service wants it:
/// `^[0-9]+\.[0-9]+\.[0-9]+$`, at most 32 characters.
pub(crate) fn is_version_number(text: &str) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    text.len() <= 32
        && parts.len() == 3
        && parts
            .iter()
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
}
