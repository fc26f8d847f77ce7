//! `make bench-release`: the same Product Ingestion release — one VM image version
//! added to a plan, published to preview, certified, taken live — made by
//! `cloudpartner product release`, by Red Hat's cloudpub (`AzureService.publish`) and by
//! SUSE's azure-img-utils 2.x, each against a fresh emulator of the same scenario (the
//! same job, certification and live durations, on the same clock). It reports each
//! tool's wall time beyond those simulated waits and the requests it sent, side by side.
//!
//!     cloudpartner-release-bench --cli PATH --python PATH --scripts DIR
//!         [--scenario FILE] [--logs DIR] [--time-scale X] [--only TOOL]...
//!
//! The peers run from their scripts in bench/release (what each sets to reach the
//! emulator is in its doc comment), with the Python of a venv that has them. It exits
//! non-zero when a tool did not reach live.

mod report;
mod request_counts;
mod run;
mod scenario;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

use scenario::BenchScenario;
use tools::{Programs, RELEASE, Tool};

const USAGE: &str = "usage: cloudpartner-release-bench --cli PATH --python PATH --scripts DIR [--scenario FILE] [--logs DIR] [--time-scale X] [--only cloudpartner|cloudpub|azure-img-utils]...";

struct Args {
    programs: Programs,
    scenario: PathBuf,
    logs: PathBuf,
    time_scale: Option<f64>,
    tools: Vec<Tool>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let (mut cli, mut python, mut scripts) = (None, None, None);
    let mut scenario = None;
    let mut logs = PathBuf::from("release-bench-logs");
    let mut time_scale = None;
    let mut tools = Vec::new();
    while let Some(flag) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))
        };
        match flag.as_str() {
            "--cli" => cli = Some(PathBuf::from(value()?)),
            "--python" => python = Some(PathBuf::from(value()?)),
            "--scripts" => scripts = Some(PathBuf::from(value()?)),
            "--scenario" => scenario = Some(PathBuf::from(value()?)),
            "--logs" => logs = PathBuf::from(value()?),
            "--time-scale" => {
                let text = value()?;
                match text.parse::<f64>() {
                    Ok(x) if x.is_finite() && x > 0.0 => time_scale = Some(x),
                    _ => return Err(format!("--time-scale {text}: not a number above 0")),
                }
            }
            "--only" => {
                let key = value()?;
                let tool = Tool::ALL
                    .into_iter()
                    .find(|t| t.key() == key)
                    .ok_or_else(|| format!("--only {key}: not a tool\n{USAGE}"))?;
                tools.push(tool);
            }
            "-h" | "--help" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    let missing = |name: &str| format!("{name} is required\n{USAGE}");
    let scripts = scripts.ok_or_else(|| missing("--scripts"))?;
    Ok(Args {
        scenario: scenario.unwrap_or_else(|| scripts.join("scenario.json")),
        programs: Programs {
            cli: cli.ok_or_else(|| missing("--cli"))?,
            python: python.ok_or_else(|| missing("--python"))?,
            scripts,
        },
        logs,
        time_scale,
        tools: if tools.is_empty() {
            Tool::ALL.to_vec()
        } else {
            tools
        },
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("release-bench: {message}");
            return ExitCode::from(2);
        }
    };
    let scenario = match BenchScenario::read(&args.scenario, RELEASE.offer, args.time_scale) {
        Ok(scenario) => scenario,
        Err(message) => {
            eprintln!("release-bench: {message}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = std::fs::create_dir_all(&args.logs) {
        eprintln!("release-bench: cannot create {}: {e}", args.logs.display());
        return ExitCode::FAILURE;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let mut results = Vec::new();
    for tool in &args.tools {
        eprintln!("release-bench: {} …", tool.name());
        match runtime.block_on(run::run(*tool, &scenario, &args.programs, &args.logs)) {
            Ok(result) => results.push(result),
            Err(message) => {
                eprintln!("release-bench: {}: {message}", tool.name());
                return ExitCode::FAILURE;
            }
        }
    }
    report::print(&scenario, &results);
    println!("(each tool's output: {})", args.logs.display());
    if results.iter().all(|r| r.live && r.exited_ok) {
        ExitCode::SUCCESS
    } else {
        eprintln!("release-bench: not every tool reached live");
        ExitCode::FAILURE
    }
}
