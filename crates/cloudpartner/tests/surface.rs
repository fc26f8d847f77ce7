//! The cross-language table of client-surface cases (`fixtures/surface/cases.json`),
//! run against the emulator through the Rust interface. Python, Node, C and the CLI run
//! the same table.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use cloudpartner::credential::StaticTokenCredential;
use cloudpartner::{Client, ClientOptions, Environment, ErrorKind, WatchOptions};
use cloudpartner_emulator::Emulator;
use serde_json::Value;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/surface")
}

fn table() -> Value {
    let text = std::fs::read_to_string(fixtures().join("cases.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A case's string with the placeholders filled in.
fn fill(text: &str, emulator: &Emulator) -> String {
    let az_dir = fixtures().join("bin").canonicalize().unwrap();
    text.replace("{token}", emulator.token())
        .replace("{base_url}", emulator.base_url())
        .replace("{fake_az_dir}", az_dir.to_str().unwrap())
}

fn text(case: &Value, section: &str, key: &str, emulator: &Emulator) -> Option<String> {
    case[section][key].as_str().map(|s| fill(s, emulator))
}

fn options(case: &Value, emulator: &Emulator) -> ClientOptions {
    let vars: Vec<(String, String)> = case["env"]
        .as_object()
        .map(|env| {
            env.iter()
                .map(|(k, v)| (k.clone(), fill(v.as_str().unwrap(), emulator)))
                .collect()
        })
        .unwrap_or_default();
    ClientOptions {
        base_url: text(case, "client", "baseUrl", emulator),
        token: text(case, "client", "token", emulator).map(Into::into),
        credential: text(case, "client", "credentialToken", emulator)
            .map(|t| std::sync::Arc::new(StaticTokenCredential::new(t)) as _),
        environment: Some(Environment::from_vars(vars)),
        ..ClientOptions::default()
    }
}

fn watch_options(case: &Value) -> WatchOptions {
    let seconds = |key: &str| case["watch"][key].as_f64().map(Duration::from_secs_f64);
    WatchOptions {
        until: case["watch"]["until"]
            .as_str()
            .unwrap_or("terminal")
            .parse()
            .unwrap(),
        min_interval: seconds("minIntervalSeconds"),
        timeout: seconds("timeoutSeconds"),
        ..WatchOptions::default()
    }
}

/// What the case did: `Ok(())`, or the error's kind and message.
async fn run(case: &Value) -> Result<(), (ErrorKind, String)> {
    let mut builder = Emulator::builder();
    if let Some(scale) = case["emulator"]["timeScale"].as_f64() {
        builder = builder.time_scale(scale);
    }
    let emulator = builder.start().await.unwrap();
    let fail = |e: cloudpartner::Error| (e.kind(), e.message().to_owned());
    let offer = |key: &str| case["watch"][key].as_str().unwrap_or_default().to_owned();
    match case["action"].as_str().unwrap() {
        "status" => {
            let client = Client::new(options(case, &emulator)).map_err(fail)?;
            client
                .offer_status("contoso", "live-offer")
                .await
                .map_err(fail)?;
        }
        "watch" => {
            let client = Client::new(options(case, &emulator)).map_err(fail)?;
            let watch = client
                .watch("contoso", &offer("offerId"), watch_options(case))
                .map_err(fail)?;
            watch.next().await.unwrap().map_err(fail)?;
        }
        "watch-close-twice" => {
            let client = Client::new(options(case, &emulator)).map_err(fail)?;
            let watch = client
                .watch("contoso", &offer("offerId"), watch_options(case))
                .map_err(fail)?;
            watch.next().await.unwrap().map_err(fail)?;
            watch.close();
            watch.close();
            assert!(
                watch.next().await.is_none(),
                "a closed watch has no more items"
            );
        }
        "emulator-stop-twice" => {
            let client = Client::new(options(case, &emulator)).map_err(fail)?;
            client
                .offer_status("contoso", "live-offer")
                .await
                .map_err(fail)?;
            emulator.stop().await;
            emulator.stop().await;
            assert_eq!(emulator.requests().len(), 1, "the requests stay readable");
        }
        "emulator-client-watch" => {
            let started = Instant::now();
            let client = emulator.client().map_err(fail)?;
            let watch = client
                .watch("contoso", &offer("offerId"), watch_options(case))
                .map_err(fail)?;
            let mut last = None;
            while let Some(item) = watch.next().await {
                last = Some(item.map_err(fail)?);
            }
            let last = last.unwrap();
            assert!(
                last.needs_publisher_action() || last.is_terminal(),
                "{last:?}"
            );
            let within = case["expect"]["withinSeconds"].as_f64().unwrap();
            assert!(
                started.elapsed() < Duration::from_secs_f64(within),
                "{:?}",
                started.elapsed()
            );
        }
        other => panic!("unknown action {other}"),
    }
    Ok(())
}

#[tokio::test]
async fn every_surface_case() {
    let table = table();
    let cases = table["cases"].as_array().unwrap();
    assert!(cases.len() >= 11);
    for case in cases {
        let id = case["id"].as_str().unwrap();
        let expect = &case["expect"];
        let outcome = run(case).await;
        match (expect["ok"].as_bool(), outcome) {
            (Some(true), Ok(())) => {}
            (Some(true), Err(e)) => panic!("{id}: expected success, got {e:?}"),
            (_, Ok(())) => panic!("{id}: expected {expect}, got success"),
            (_, Err((kind, message))) => {
                assert_eq!(
                    kind.as_str(),
                    expect["kind"].as_str().unwrap(),
                    "{id}: {message}"
                );
                for part in expect["messageIncludes"].as_array().into_iter().flatten() {
                    let part = part.as_str().unwrap();
                    assert!(message.contains(part), "{id}: no `{part}` in {message}");
                }
            }
        }
    }
}
