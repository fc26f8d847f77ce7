//! Any text: a time frame is read or not, never a panic, and a range is ordered.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let frame = cloudpartner::TimeFrame::parse(text);
    assert_eq!(frame.raw(), text);
    if let Some((min, max)) = frame.range() {
        assert!(min <= max, "{text:?}: {min:?} > {max:?}");
    }
});
