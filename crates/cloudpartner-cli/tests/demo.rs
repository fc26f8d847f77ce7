//! `cloudpartner demo` without a terminal (as in CI or a pipe), on a short clock.

mod common;

use common::{BIN, cloudpartner, run};

#[test]
fn the_demo_watches_vm_offer_from_start_to_live() {
    let out = run(cloudpartner(&["demo", "--seconds", "2"])).expect_code(0);
    let text = &out.stdout;
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with(
            "cloudpartner demo: the Cloud Partner Portal emulator runs at http://127.0.0.1:"
        ),
        "{first}"
    );
    assert!(
        text.contains(
            "Watching contoso/vm-offer: about 3.9 days of publishing, played back in 2 s."
        ),
        "{text}"
    );
    let changes: Vec<&str> = text.lines().filter(|l| l.starts_with("00:0")).collect();
    assert!(changes.len() >= 3, "{text}");
    assert!(changes[0].contains("  running  "), "{}", changes[0]);
    assert!(
        changes.last().unwrap().ends_with("  succeeded  100%"),
        "{text}"
    );
    // The final table: every step complete, and the live link.
    assert!(text.contains("\ncontoso/vm-offer  succeeded\n"), "{text}");
    for step in [
        "Validate Pre-Requisites",
        "Certification",
        "Provisioning",
        "Publisher signoff",
        "Live",
    ] {
        assert!(
            text.lines().any(|l| l.trim_start().starts_with(step)
                && l.contains("complete     [##########] 100%")
                || l.trim_start().starts_with(step) && l.contains("complete  [##########] 100%")),
            "{step} not complete:\n{text}"
        );
    }
    assert!(text.contains("  live:         https://azuremarketplace.microsoft.com/marketplace/apps/contoso.vm-offer"), "{text}");
    // The closing hint names the binary it ran from (it is not on PATH here).
    let next = text
        .lines()
        .find(|l| l.starts_with("Next: run the emulator with `"))
        .unwrap_or_else(|| panic!("no closing hint:\n{text}"));
    let program = next
        .trim_start_matches("Next: run the emulator with `")
        .split(" serve --port 8080`")
        .next()
        .unwrap();
    assert_eq!(
        std::path::Path::new(program).canonicalize().unwrap(),
        std::path::Path::new(BIN).canonicalize().unwrap(),
        "{next}"
    );
    assert!(text.contains(&format!("\n  {program} --base-url http://127.0.0.1:8080 --token emulator-token status contoso running-offer live-offer\n")), "{text}");
    assert!(
        text.contains(
            "`cargo install --path crates/cloudpartner-cli` puts `cloudpartner` on your PATH"
        ),
        "{text}"
    );
    assert!(!text.contains('\x1b'), "no escapes without a terminal");
    assert_eq!(out.stderr, "");
}
