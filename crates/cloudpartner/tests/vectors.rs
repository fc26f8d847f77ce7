//! Runs every test vector in `fixtures/status/` (DESIGN §7). A new vector needs no code.
//! `CLOUDPARTNER_BLESS=1 cargo test --test vectors` writes missing `.expected.json` files
//! (review them before committing).

use std::path::{Path, PathBuf};

use cloudpartner::{ErrorKind, OfferStatus, parse_offer_status};
use serde_json::{Value, json};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/status")
}

fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            !name.ends_with(".expected.json") && (name.ends_with(".json") || name.ends_with(".bin"))
        })
        .collect();
    files.sort();
    files
}

fn expected_path(input: &Path) -> PathBuf {
    let name = input.file_name().unwrap().to_string_lossy();
    let stem = name.trim_end_matches(".json").trim_end_matches(".bin");
    input.with_file_name(format!("{stem}.expected.json"))
}

fn seconds(range: Option<(std::time::Duration, std::time::Duration)>) -> Value {
    match range {
        Some((a, b)) => json!([a.as_secs_f64(), b.as_secs_f64()]),
        None => Value::Null,
    }
}

fn derived(s: &OfferStatus) -> Value {
    let frames: serde_json::Map<String, Value> = s
        .steps
        .iter()
        .map(|step| {
            let range = step.estimated_time_frame.as_ref().and_then(|t| t.range());
            (step.id.clone(), seconds(range))
        })
        .collect();
    json!({
        "isTerminal": s.is_terminal(),
        "needsPublisherAction": s.needs_publisher_action(),
        "currentStepId": s.current_step().map(|c| c.id.clone()),
        "progress": s.progress(),
        "estimatedRemaining": seconds(s.estimated_remaining()),
        "timeFrames": frames,
    })
}

fn bless() -> bool {
    std::env::var_os("CLOUDPARTNER_BLESS").is_some()
}

fn read_expected(input: &Path, actual: &Value) -> Option<Value> {
    let path = expected_path(input);
    if !path.exists() && bless() {
        std::fs::write(&path, serde_json::to_string_pretty(actual).unwrap() + "\n").unwrap();
        eprintln!("wrote {}", path.display());
    }
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with CLOUDPARTNER_BLESS=1 to create it)",
            path.display()
        )
    });
    Some(serde_json::from_str(&text).unwrap())
}

fn close(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            (x.as_f64().unwrap() - y.as_f64().unwrap()).abs() < 1e-9
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| close(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| close(v, w)))
        }
        _ => a == b,
    }
}

#[test]
fn valid_vectors() {
    let files = inputs(&fixtures());
    assert!(files.len() >= 15, "expected at least 15 valid vectors");
    for input in files {
        let name = input.display();
        let bytes = std::fs::read(&input).unwrap();
        let status = parse_offer_status(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let canonical: Value = serde_json::from_str(&status.to_json()).unwrap();
        let actual = json!({"canonical": canonical, "derived": derived(&status)});
        let expected = read_expected(&input, &actual).unwrap();
        assert!(
            close(&actual["canonical"], &expected["canonical"]),
            "{name}: canonical\n got {}\nwant {}",
            actual["canonical"],
            expected["canonical"]
        );
        assert!(
            close(&actual["derived"], &expected["derived"]),
            "{name}: derived\n got {}\nwant {}",
            actual["derived"],
            expected["derived"]
        );
        let again = parse_offer_status(status.to_json().as_bytes()).unwrap();
        assert_eq!(again, status, "{name}: parse(to_json(x)) == x");
        assert_eq!(
            again.to_json(),
            status.to_json(),
            "{name}: to_json is stable"
        );
    }
}

#[test]
fn invalid_vectors() {
    let files = inputs(&fixtures().join("invalid"));
    assert!(files.len() >= 6, "expected at least 6 invalid vectors");
    for input in files {
        let name = input.display();
        let bytes = std::fs::read(&input).unwrap();
        let err = match parse_offer_status(&bytes) {
            Ok(s) => panic!("{name}: parsed, but should fail: {}", s.to_json()),
            Err(e) => e,
        };
        let mut actual = json!({"kind": err.kind().as_str()});
        if let (Some(l), Some(c)) = (err.line(), err.column()) {
            actual["line"] = json!(l);
            actual["column"] = json!(c);
        }
        let expected = read_expected(&input, &actual).unwrap();
        assert_eq!(err.kind(), ErrorKind::Parse, "{name}");
        assert_eq!(actual, expected, "{name}: {err}");
        assert!(!err.message().is_empty());
    }
}

#[test]
fn the_reference_sample_fails_where_the_quote_is_missing_and_parses_when_mended() {
    let broken = std::fs::read(fixtures().join("invalid/reference-sample-broken.json")).unwrap();
    let err = parse_offer_status(&broken).unwrap_err();
    let line = String::from_utf8_lossy(&broken)
        .lines()
        .position(|l| l.contains("liveLinks\""))
        .unwrap()
        + 1;
    assert_eq!(err.line(), Some(line), "{err}");
    assert!(err.message().contains(&format!("line {line}")), "{err}");
    let mended = std::fs::read(fixtures().join("reference-sample.json")).unwrap();
    let status = parse_offer_status(&mended).unwrap();
    assert_eq!(status.steps.len(), 6);
    assert_eq!(status.notification_emails, ["jdoe@contoso.com"]);
}
