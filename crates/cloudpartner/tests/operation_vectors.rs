//! Runs every operation vector in `fixtures/operation/` (DESIGN §7). A new vector needs
//! no code.
//!
//! `NAME.expected.json` holds `{"list": bool, "operations": [{id, submissionType, state,
//! rawState, isTerminal, created, lastAction, publishingVersion, offerVersion, slot,
//! cancellationRequestState, error, detail}]}` where `list` says the document is read
//! with `parse_operations` (else `parse_operation`, which also takes an array of one),
//! times are canonical UTC and `detail` is the canonical offer status JSON or `null`.
//! Every operation also round-trips through its canonical JSON. `invalid/` vectors fail
//! `parse_operation` with `{"kind", "line", "column"}`.

mod vector_files;

use cloudpartner::{ErrorKind, Operation, format_timestamp, parse_operation, parse_operations};
use serde_json::{Value, json};
use vector_files::{as_json, error_summary, expected, fixtures, has_expected, inputs};

fn summary(op: &Operation) -> Value {
    let time = |t: &Option<chrono::DateTime<chrono::Utc>>| t.as_ref().map(format_timestamp);
    json!({
        "id": op.id,
        "submissionType": op.submission_type,
        "state": op.state.as_wire(),
        "rawState": op.raw_state,
        "isTerminal": op.state.is_terminal(),
        "created": time(&op.created),
        "lastAction": time(&op.last_action),
        "publishingVersion": op.publishing_version,
        "offerVersion": op.offer_version,
        "slot": op.slot,
        "cancellationRequestState": op.cancellation_request_state,
        "error": op.error,
        "detail": op.detail.as_ref().map(|d| d.to_value()),
    })
}

#[test]
fn valid_vectors() {
    let files = inputs(&fixtures("operation"));
    assert!(
        files.len() >= 6,
        "expected at least 6 valid operation vectors"
    );
    for input in files {
        let name = input.display().to_string();
        let bytes = std::fs::read(&input).unwrap();
        let list = if has_expected(&input) {
            expected(&input, || unreachable!())["list"] == json!(true)
        } else {
            as_json(&bytes).as_array().is_some_and(|a| a.len() != 1)
        };
        let operations = if list {
            parse_operations(&bytes)
        } else {
            parse_operation(&bytes).map(|op| vec![op])
        }
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        let actual =
            json!({"list": list, "operations": operations.iter().map(summary).collect::<Vec<_>>()});
        let want = expected(&input, || actual.clone());
        assert_eq!(actual, want, "{name}\n got {actual:#}\nwant {want:#}");
        for op in &operations {
            let again = parse_operation(op.to_json().as_bytes()).unwrap();
            assert_eq!(&again, op, "{name}: parse(to_json(x)) == x");
            assert_eq!(again.to_json(), op.to_json(), "{name}: stable");
        }
        if list {
            let whole = format!(
                "[{}]",
                operations
                    .iter()
                    .map(Operation::to_json)
                    .collect::<Vec<_>>()
                    .join(",")
            );
            assert_eq!(
                parse_operations(whole.as_bytes()).unwrap(),
                operations,
                "{name}"
            );
        }
    }
}

#[test]
fn invalid_vectors() {
    let files = inputs(&fixtures("operation").join("invalid"));
    assert!(
        files.len() >= 6,
        "expected at least 6 invalid operation vectors"
    );
    for input in files {
        let name = input.display().to_string();
        let bytes = std::fs::read(&input).unwrap();
        let err = match parse_operation(&bytes) {
            Ok(op) => panic!("{name}: parsed, but should fail: {}", op.to_json()),
            Err(e) => e,
        };
        let actual = error_summary(&err);
        assert_eq!(err.kind(), ErrorKind::Parse, "{name}");
        assert_eq!(actual, expected(&input, || actual.clone()), "{name}: {err}");
        assert!(!err.message().is_empty());
    }
}
