//! Walking a folder of test vectors (DESIGN §7): each input (`.json`, or `.bin` for
//! bytes that are not text) beside its `NAME.expected.json`. With `CLOUDPARTNER_BLESS=1`
//! a missing expected file is written from what the code does now (review it before
//! committing).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use cloudpartner::Error;
use serde_json::{Value, json};

/// `fixtures/<kind>` at the top of the repository.
pub fn fixtures(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures")
        .join(kind)
}

/// The inputs of a folder, sorted by name.
pub fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
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

/// The expected value of `input`, if its file exists (or is blessed from `actual`).
pub fn expected(input: &Path, actual: impl FnOnce() -> Value) -> Value {
    let path = expected_path(input);
    if !path.exists() && std::env::var_os("CLOUDPARTNER_BLESS").is_some() {
        let value = actual();
        std::fs::write(&path, serde_json::to_string_pretty(&value).unwrap() + "\n").unwrap();
        eprintln!("wrote {}", path.display());
    }
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (run with CLOUDPARTNER_BLESS=1 to create it)",
            path.display()
        )
    });
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Whether the expected file exists already.
pub fn has_expected(input: &Path) -> bool {
    expected_path(input).exists()
}

/// The input as a JSON value, read by serde_json itself (BOM removed): what a lossless
/// round trip must give back.
pub fn as_json(bytes: &[u8]) -> Value {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice(bytes).unwrap()
}

/// An error as invalid vectors spell it: `{"kind", "line", "column"}`.
pub fn error_summary(err: &Error) -> Value {
    let mut actual = json!({"kind": err.kind().as_str()});
    if let (Some(l), Some(c)) = (err.line(), err.column()) {
        actual["line"] = json!(l);
        actual["column"] = json!(c);
    }
    actual
}
