//! The cross-language table of client-surface cases (`fixtures/surface/cases.json`),
//! through the `cloudpartner` command: each case's environment, the flags that stand for
//! its client options, and the outcome as an exit code.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use cloudpartner_emulator::Emulator;
use common::{BIN, Server, run};
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/surface")
}

/// The handle actions have no command: a watch is closed by Ctrl-C (tested in
/// `watch.rs`), and `serve` stops with its process.
const NOT_COMMANDS: [&str; 2] = ["watch-close-twice", "emulator-stop-twice"];

fn fill(text: &str, server: &Server) -> String {
    let az_dir = fixtures().join("bin").canonicalize().unwrap();
    text.replace("{token}", &server.token())
        .replace("{base_url}", &server.url())
        .replace("{fake_az_dir}", az_dir.to_str().unwrap())
}

/// The command for a case: its environment only, its client options as flags.
fn command(case: &Value, server: &Server) -> assert_cmd::Command {
    let mut command = assert_cmd::Command::new(BIN);
    command.env_clear().timeout(Duration::from_secs(60));
    for (name, value) in case["env"].as_object().unwrap() {
        command.env(name, fill(value.as_str().unwrap(), server));
    }
    let client = &case["client"];
    let flag = |key: &str| client[key].as_str().map(|v| fill(v, server));
    if let Some(url) = flag("baseUrl") {
        command.args(["--base-url", &url]);
    }
    if let Some(token) = flag("token") {
        command.args(["--token", &token]);
    }
    if flag("credentialToken").is_some() {
        // The command's explicit credential is a service principal.
        let authority = server.url();
        command.args([
            "--tenant-id",
            "contoso-tenant",
            "--client-id",
            "contoso-app",
            "--client-secret",
            "contoso-secret",
            "--authority-host",
            &authority,
        ]);
    }
    let offer = case["watch"]["offerId"].as_str().unwrap_or("live-offer");
    match case["action"].as_str().unwrap() {
        "status" => {
            command.args(["status", "contoso", "live-offer"]);
        }
        "watch" => {
            command.args(["watch", "contoso", offer]);
            if let Some(min) = case["watch"]["minIntervalSeconds"].as_f64() {
                command.args(["--min-interval", &min.to_string()]);
            }
        }
        "emulator-client-watch" => {
            // The command's client of an emulator: its URL and token, and an interval
            // for its clock.
            let timeout = case["watch"]["timeoutSeconds"].as_f64().unwrap();
            command.args(["--base-url", &server.url(), "--token", &server.token()]);
            command.args([
                "watch",
                "contoso",
                offer,
                "--until",
                "review",
                "--max-interval",
                "0.1",
                "--timeout",
                &timeout.to_string(),
            ]);
        }
        other => panic!("no command for {other}"),
    }
    command
}

#[test]
fn every_surface_case_that_has_a_command() {
    let text = std::fs::read_to_string(fixtures().join("cases.json")).unwrap();
    let table: Value = serde_json::from_str(&text).unwrap();
    let mut ran = 0;
    for case in table["cases"].as_array().unwrap() {
        let id = case["id"].as_str().unwrap();
        if NOT_COMMANDS.contains(&case["action"].as_str().unwrap()) {
            continue;
        }
        let server = match case["emulator"]["timeScale"].as_f64() {
            Some(scale) => Server::with(Emulator::builder().time_scale(scale)),
            None => Server::start(),
        };
        let started = Instant::now();
        let expect = &case["expect"];
        let code = match (expect["ok"].as_bool(), expect["kind"].as_str()) {
            (Some(true), _) => 0,
            (_, Some("invalid_argument")) => 2,
            (_, Some(_)) => 1,
            _ => panic!("{id}: no expectation"),
        };
        eprintln!("case {id}");
        let out = run(command(case, &server)).expect_code(code);
        if let Some(kind) = expect["kind"].as_str() {
            assert!(
                out.stderr.contains(kind) || (code == 2 && out.stderr.contains("error")),
                "{id}: {}",
                out.stderr
            );
        }
        for part in expect["messageIncludes"].as_array().into_iter().flatten() {
            let part = part.as_str().unwrap();
            assert!(
                out.stderr.contains(part),
                "{id}: no `{part}` in {}",
                out.stderr
            );
        }
        if let Some(within) = expect["withinSeconds"].as_f64() {
            assert!(started.elapsed() < Duration::from_secs_f64(within), "{id}");
        }
        ran += 1;
    }
    assert_eq!(
        ran,
        table["cases"].as_array().unwrap().len() - NOT_COMMANDS.len()
    );
}
