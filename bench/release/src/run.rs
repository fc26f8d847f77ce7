//! One tool's release on a fresh emulator: its wall time, the requests the emulator
//! received, and whether the version reached live.

use std::fs::File;
use std::path::Path;
use std::process::Stdio;
use std::time::Instant;

use cloudpartner::ingestion::Target;
use cloudpartner_emulator::Emulator;

use crate::request_counts::RequestCounts;
use crate::scenario::BenchScenario;
use crate::tools::{Programs, RELEASE, Tool};

/// Far more requests than any tool sends: the log must not drop any.
const REQUEST_LOG_CAPACITY: usize = 1_000_000;

/// What one tool's release did.
pub struct RunResult {
    pub tool: Tool,
    /// Seconds from its start to its exit.
    pub wall_seconds: f64,
    /// Whether it exited 0.
    pub exited_ok: bool,
    /// Whether the live tree holds the version afterwards.
    pub live: bool,
    pub requests: RequestCounts,
}

/// Runs `tool` against a fresh emulator of the scenario; its output goes to
/// `logs/<tool>.log`.
pub async fn run(
    tool: Tool,
    scenario: &BenchScenario,
    programs: &Programs,
    logs: &Path,
) -> Result<RunResult, String> {
    let emulator = Emulator::builder()
        .scenario(scenario.scenario())
        .time_scale(scenario.time_scale)
        .request_log_capacity(REQUEST_LOG_CAPACITY)
        .start()
        .await
        .map_err(|e| format!("cannot start the emulator: {e}"))?;
    let log_path = logs.join(format!("{}.log", tool.key()));
    let log =
        File::create(&log_path).map_err(|e| format!("cannot write {}: {e}", log_path.display()))?;
    let stderr = log
        .try_clone()
        .map_err(|e| format!("cannot write {}: {e}", log_path.display()))?;
    let mut command = tokio::process::Command::from(tool.command(
        programs,
        &RELEASE,
        &emulator.ingestion_base_url(),
        emulator.token(),
        scenario.time_scale,
    ));
    command
        .stdin(Stdio::null())
        .stdout(log)
        .stderr(stderr)
        .kill_on_drop(true);
    let started = Instant::now();
    let status = command
        .status()
        .await
        .map_err(|e| format!("cannot run {}: {e}", tool.name()))?;
    let wall_seconds = started.elapsed().as_secs_f64();
    // Counted before the bench's own reads below.
    let requests = RequestCounts::of(&emulator.requests());
    let live = reached_live(&emulator).await?;
    emulator.stop().await;
    if !status.success() {
        eprintln!(
            "release-bench: {} exited {status}; its output is in {}",
            tool.name(),
            log_path.display()
        );
    }
    Ok(RunResult {
        tool,
        wall_seconds,
        exited_ok: status.success(),
        live,
        requests,
    })
}

/// Whether the live tree's plan holds the released version.
async fn reached_live(emulator: &Emulator) -> Result<bool, String> {
    let client = emulator
        .ingestion_client()
        .map_err(|e| format!("a client of the emulator: {e}"))?;
    let tree = match client.resource_tree(RELEASE.offer, Target::Live).await {
        Ok(tree) => tree,
        Err(error) => return Err(format!("cannot read the live tree: {error}")),
    };
    let config = tree
        .technical_configuration(RELEASE.plan)
        .map_err(|e| format!("the live tree: {e}"))?;
    Ok(config
        .vm_image_versions()
        .iter()
        .any(|v| v.version_number == RELEASE.version))
}
