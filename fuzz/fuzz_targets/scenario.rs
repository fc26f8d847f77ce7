//! Any text: a scenario is read or refused with an error naming where, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match cloudpartner_emulator::Scenario::from_json_str(text) {
        Ok(_) => {}
        Err(error) => {
            let _ = error.to_string();
        }
    }
    let _ = cloudpartner_emulator::Fault::from_json_str(text);
});
