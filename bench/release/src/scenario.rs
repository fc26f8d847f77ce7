//! The bench's scenario file: the emulator's scenario, and the simulated durations of
//! a release that it sets, which every tool waits through whatever it does.

use std::path::Path;

use cloudpartner_emulator::{DEFAULT_LIVE_SECONDS, DEFAULT_PREVIEW_SECONDS, Scenario};
use serde_json::Value;

/// The simulated seconds of a configure job that submits nothing (the emulator's
/// crate docs: `running` until 10 simulated seconds); a submission's job lasts as long
/// as the submission, but never less.
const JOB_SECONDS: f64 = 10.0;

/// The scenario and what the bench reads of it.
pub struct BenchScenario {
    /// The file's text, for a fresh emulator per tool.
    text: String,
    /// Simulated seconds per real second.
    pub time_scale: f64,
    /// The simulated seconds of the release's three waits: the technical
    /// configuration's job, the preview's certification, the push to live.
    pub job_seconds: f64,
    pub preview_seconds: f64,
    pub live_seconds: f64,
}

impl BenchScenario {
    /// Reads the scenario at `path`; `offer` must be one of its products.
    pub fn read(path: &Path, offer: &str, time_scale: Option<f64>) -> Result<Self, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the scenario {}: {e}", path.display()))?;
        let scenario = Scenario::from_json_str(&text)
            .map_err(|e| format!("the scenario {}: {e}", path.display()))?;
        let document: Value = serde_json::from_str(&text)
            .map_err(|e| format!("the scenario {}: {e}", path.display()))?;
        let product = document
            .pointer(&format!("/ingestion/products/{offer}"))
            .ok_or_else(|| format!("the scenario {} has no product {offer}", path.display()))?;
        let seconds = |play: &str, default: f64| {
            product
                .pointer(&format!("/{play}/seconds"))
                .and_then(Value::as_f64)
                .unwrap_or(default)
        };
        Ok(BenchScenario {
            text,
            time_scale: time_scale.unwrap_or_else(|| scenario.time_scale()),
            job_seconds: JOB_SECONDS,
            preview_seconds: seconds("preview", DEFAULT_PREVIEW_SECONDS).max(JOB_SECONDS),
            live_seconds: seconds("live", DEFAULT_LIVE_SECONDS).max(JOB_SECONDS),
        })
    }

    /// A fresh copy of the scenario.
    pub fn scenario(&self) -> Scenario {
        Scenario::from_json_str(&self.text).expect("read once already")
    }

    /// The simulated seconds every release waits through, in all.
    pub fn simulated_seconds(&self) -> f64 {
        self.job_seconds + self.preview_seconds + self.live_seconds
    }

    /// The same, in real seconds at the time scale.
    pub fn simulated_real_seconds(&self) -> f64 {
        self.simulated_seconds() / self.time_scale
    }
}
