//! `cloudpartner inspect` on every test vector of `fixtures/status` (a new vector needs
//! no code here), on stdin, and with `--strict`.

mod common;

use std::path::{Path, PathBuf};

use common::{cloudpartner, fixtures_dir, json_close, run};

/// The `NAME.json` (or `.bin`) documents of a folder that have a `NAME.expected.json`.
fn vectors(dir: &Path) -> Vec<(PathBuf, serde_json::Value)> {
    let mut found: Vec<(PathBuf, serde_json::Value)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            (name.ends_with(".json") || name.ends_with(".bin")) && !name.ends_with(".expected.json")
        })
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            let expected = dir.join(format!("{stem}.expected.json"));
            let text = std::fs::read_to_string(&expected)
                .unwrap_or_else(|e| panic!("{}: {e}", expected.display()));
            (p, serde_json::from_str(&text).unwrap())
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

/// Whether a line holds a `[####------]` bar.
fn has_progress_bar(line: &str) -> bool {
    line.match_indices('[').any(|(i, _)| {
        let bar = &line.as_bytes()[i + 1..];
        bar.len() > 10 && bar[..10].iter().all(|b| matches!(b, b'#' | b'-')) && bar[10] == b']'
    })
}

#[test]
fn every_valid_vector_prints_its_canonical_json_and_a_table() {
    let vectors = vectors(&fixtures_dir());
    assert!(vectors.len() >= 20, "only {} vectors", vectors.len());
    for (path, expected) in vectors {
        let file = path.to_str().unwrap();
        let out = run(cloudpartner(&["inspect", file, "--json"])).expect_code(0);
        assert_eq!(out.stdout.lines().count(), 1, "{file}: one line");
        let printed: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        assert!(
            json_close(&printed, &expected["canonical"]),
            "{file}:\n printed  {printed}\n expected {}",
            expected["canonical"]
        );

        let out = run(cloudpartner(&["inspect", file])).expect_code(0);
        let state = expected["canonical"]["status"].as_str().unwrap();
        let header = out.stdout.lines().next().unwrap();
        assert!(header.starts_with(&format!("{file}  ")), "{file}: {header}");
        let steps = expected["canonical"]["steps"].as_array().unwrap();
        if steps.is_empty() {
            assert!(
                out.stdout.contains("  no publish steps\n"),
                "{file}:\n{}",
                out.stdout
            );
        } else {
            assert!(out.stdout.contains("  STEP "), "{file}:\n{}", out.stdout);
            // One row per step, each with a progress bar.
            let rows = out.stdout.lines().filter(|l| has_progress_bar(l)).count();
            assert_eq!(rows, steps.len(), "{file}:\n{}", out.stdout);
        }
        let derived = &expected["derived"];
        assert_eq!(
            out.stdout.contains("  current step: "),
            !derived["currentStepId"].is_null(),
            "{file} ({state}):\n{}",
            out.stdout
        );
        assert_eq!(
            out.stdout.contains(" left\n"),
            !derived["estimatedRemaining"].is_null(),
            "{file}:\n{}",
            out.stdout
        );
        assert_eq!(
            out.stdout.contains("  action: "),
            derived["needsPublisherAction"] == true && derived["isTerminal"] == false,
            "{file}:\n{}",
            out.stdout
        );
    }
}

#[test]
fn every_invalid_vector_fails_with_kind_line_and_column() {
    let vectors = vectors(&fixtures_dir().join("invalid"));
    assert!(vectors.len() >= 10, "only {} vectors", vectors.len());
    for (path, expected) in vectors {
        let file = path.to_str().unwrap();
        let out = run(cloudpartner(&["inspect", file])).expect_code(1);
        assert_eq!(out.stdout, "", "{file}");
        assert_eq!(out.error_lines().len(), 1, "{file}: {}", out.stderr);
        let error = out.error_lines()[0];
        assert!(
            error.starts_with(&format!("error: {file}: parse: ")),
            "{error}"
        );
        if let (Some(line), Some(column)) = (expected["line"].as_u64(), expected["column"].as_u64())
        {
            assert!(
                error.contains(&format!("line {line}, column {column}")),
                "{file}: {error}"
            );
        }
    }
}

#[test]
fn the_broken_reference_sample_is_pinned_to_line_67() {
    let file = fixtures_dir().join("invalid/reference-sample-broken.json");
    let out = run(cloudpartner(&["inspect", file.to_str().unwrap()])).expect_code(1);
    assert!(
        out.stderr
            .contains("parse: invalid JSON at line 67, column 7"),
        "{}",
        out.stderr
    );
}

#[test]
fn stdin_is_read_with_a_dash() {
    let document = std::fs::read(fixtures_dir().join("running-certification.json")).unwrap();
    let out = run(cloudpartner(&["inspect", "-"]).write_stdin(document.clone())).expect_code(0);
    assert!(out.stdout.starts_with("stdin  running"), "{}", out.stdout);
    let out = run(cloudpartner(&["inspect", "-", "--json"]).write_stdin(document)).expect_code(0);
    assert_eq!(common::json_lines(&out.stdout)[0]["status"], "running");
    let out = run(cloudpartner(&["inspect", "-"]).write_stdin("{\"status\": ")).expect_code(1);
    assert!(
        out.error_lines()[0].starts_with("error: stdin: parse: "),
        "{}",
        out.stderr
    );
}

#[test]
fn strict_fails_on_values_this_version_does_not_know() {
    let file = fixtures_dir().join("unknown-values.json");
    let file = file.to_str().unwrap();
    let out = run(cloudpartner(&["inspect", file])).expect_code(0);
    assert!(
        out.stdout.contains("(unknown)"),
        "unknown values are shown as such:\n{}",
        out.stdout
    );
    let out = run(cloudpartner(&["inspect", file, "--strict"])).expect_code(1);
    assert!(out.error_lines()[0].contains(": parse: "), "{}", out.stderr);
    assert!(
        out.hint_lines()[0].contains("without --strict"),
        "{}",
        out.stderr
    );
    // A known document passes strict mode.
    let known = fixtures_dir().join("reference-sample.json");
    run(cloudpartner(&[
        "inspect",
        known.to_str().unwrap(),
        "--strict",
    ]))
    .expect_code(0);
}

#[test]
fn a_missing_file_is_an_error_not_a_crash() {
    let out = run(cloudpartner(&["inspect", "/no/such/file.json"])).expect_code(1);
    assert!(
        out.error_lines()[0].starts_with("error: cannot read /no/such/file.json: "),
        "{}",
        out.stderr
    );
}
