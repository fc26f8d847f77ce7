//! Any text: `Retry-After` is read or not, never a panic, and the backoff it gives stays
//! within the policy's cap.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let after = cloudpartner::parse_retry_after(text);
    let policy = cloudpartner::RetryPolicy::default();
    let delay = policy.delay(3, after);
    assert!(delay <= policy.max_retry_after.max(policy.cap));
});
