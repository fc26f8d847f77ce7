//! Any bytes: the operation parsers never panic, and a parsed operation's canonical JSON
//! parses again.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = cloudpartner::parse_operations(data);
    if let Ok(operation) = cloudpartner::parse_operation(data) {
        let json = operation.to_json();
        let again = cloudpartner::parse_operation(json.as_bytes()).expect("to_json parses");
        assert_eq!(again.id, operation.id);
        assert_eq!(again.state, operation.state);
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = cloudpartner::OperationRef::from_location("https://cloudpartner.azure.com", text);
    }
});
