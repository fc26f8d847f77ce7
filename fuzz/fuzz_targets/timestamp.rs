//! Any text: a timestamp is read or absent, never a panic, and a read one formats and
//! reads back as the same instant.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Some(at) = cloudpartner::parse_timestamp(text) {
        let shown = cloudpartner::format_timestamp(&at);
        assert_eq!(cloudpartner::parse_timestamp(&shown), Some(at), "{text:?} -> {shown}");
    }
});
