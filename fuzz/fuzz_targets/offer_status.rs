//! Any bytes: the status parser never panics, and what it parses survives its own
//! canonical JSON unchanged, strict or not.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(status) = cloudpartner::parse_offer_status(data) else {
        return;
    };
    let json = status.to_json();
    let again = cloudpartner::parse_offer_status(json.as_bytes()).expect("canonical JSON parses");
    assert_eq!(again, status, "parse(to_json(x)) == x");
    let _ = status.current_step();
    let _ = status.estimated_remaining();
    let _ = status.progress();
    let _ = cloudpartner::parse_offer_status_strict(data);
});
