//! Hints that point the right way: a 404 says what is missing and what to run, an error
//! about a flag names the flag, and a precondition that failed says how to get past it.

mod common;

use common::{Server, run};

/// The single hint line of a failed run.
fn hint(out: &common::Run) -> &str {
    let hints = out.hint_lines();
    assert_eq!(hints.len(), 1, "{}", out.stderr);
    hints[0]
}

#[test]
fn a_404_says_what_is_missing_and_what_to_run() {
    let server = Server::start();
    let cases: [(&[&str], &str); 5] = [
        (
            &[
                "offer",
                "show",
                "contoso",
                "vm-release",
                "--slot",
                "preview",
            ],
            "hint: contoso/vm-release has no preview until it is published: `cloudpartner publish contoso vm-release`",
        ),
        (
            &[
                "offer",
                "show",
                "contoso",
                "vm-release",
                "--slot",
                "production",
            ],
            "hint: contoso/vm-release has no production slot until it goes live: `cloudpartner status contoso vm-release`",
        ),
        (
            &["offer", "show", "contoso", "vm-release", "--version", "7"],
            "hint: versions run from 1 to the draft's: `cloudpartner offer show contoso vm-release` shows it",
        ),
        (
            &[
                "operation",
                "contoso",
                "vm-release",
                "0f6c1c1e-0000-4000-8000-000000000000",
            ],
            "hint: no operation 0f6c1c1e-0000-4000-8000-000000000000 on contoso/vm-release: `cloudpartner operations contoso vm-release` lists",
        ),
        // The offer itself missing keeps the ids hint, whatever was asked of it.
        (
            &[
                "offer",
                "show",
                "contoso",
                "no-such-offer",
                "--slot",
                "preview",
            ],
            "hint: check the publisher and offer ids",
        ),
    ];
    for (args, wanted) in cases {
        let out = run(server.cli(args)).expect_code(1);
        assert!(hint(&out).starts_with(wanted), "{args:?}:\n{}", out.stderr);
    }
}

#[test]
fn offer_put_says_create_stale_etags_and_missing_versions() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let draft =
        run(server.cli(&["offer", "show", "contoso", "vm-release", "--json"])).expect_code(0);
    let new_offer = dir.path().join("new.json");
    std::fs::write(
        &new_offer,
        draft
            .stdout
            .replace("\"id\":\"vm-release\"", "\"id\":\"brand-new\""),
    )
    .unwrap();
    let path = new_offer.to_str().unwrap();
    let out = run(server.cli(&["offer", "put", "contoso", "brand-new", path])).expect_code(1);
    assert_eq!(
        hint(&out),
        format!(
            "hint: to create it, run again with --create: `cloudpartner offer put contoso brand-new {path} --create`"
        )
    );
    run(server.cli(&["offer", "put", "contoso", "brand-new", path, "--create"])).expect_code(0);

    // A file that was not read from the service has no version: not "version 0".
    let bare = dir.path().join("bare.json");
    std::fs::write(
        &bare,
        r#"{"offerTypeId": "microsoft-azure-virtualmachines", "definition": {}}"#,
    )
    .unwrap();
    let out = run(server.cli(&[
        "offer",
        "put",
        "contoso",
        "vm-release",
        bare.to_str().unwrap(),
    ]))
    .expect_code(1);
    let error = out.error_lines()[0];
    assert!(error.contains("bare.json has no `version`"), "{error}");
    assert!(!error.contains("version 0"), "{error}");
    assert!(hint(&out).contains("--force"), "{}", out.stderr);

    // A stale --if-match: running again the same way fails the same way; say what works.
    let original = dir.path().join("original.json");
    std::fs::write(&original, &draft.stdout).unwrap();
    let out = run(server.cli(&[
        "offer",
        "put",
        "contoso",
        "vm-release",
        original.to_str().unwrap(),
        "--if-match",
        "W/\"datetime'2020-01-01T00%3A00%3A00.0000000Z'\"",
    ]))
    .expect_code(1);
    let hint = hint(&out);
    assert!(!hint.contains("run again"), "{hint}");
    assert!(
        hint.contains("--if-match")
            && hint.contains("`cloudpartner offer show contoso vm-release`"),
        "{hint}"
    );
    assert_eq!(
        server
            .emulator()
            .offer_document(
                "contoso",
                "vm-release",
                cloudpartner_emulator::OfferSlot::Draft
            )
            .unwrap()["version"],
        1
    );
}

#[test]
fn image_errors_name_the_flags() {
    let server = Server::start();
    let out = run(server.cli(&[
        "image",
        "add",
        "contoso",
        "vm-release",
        "--plan",
        "standard",
        "--version",
        "3.0.0",
        "--os-vhd-url",
        "http://contoso.blob.core.windows.net/vhds/3.0.0.vhd?sig=c2VjcmV0",
    ]))
    .expect_code(2);
    let error = out.error_lines()[0];
    assert!(error.contains("--os-vhd-url `http://"), "{error}");
    assert!(!error.contains("os_vhd_url"), "{error}");
    assert!(
        hint(&out).contains("https URL with its SAS token"),
        "{}",
        out.stderr
    );
    out.assert_no_signature();

    let out = run(server.cli(&[
        "image",
        "remove",
        "contoso",
        "vm-release",
        "--plan",
        "byol",
        "--version",
        "1.1.0",
    ]))
    .expect_code(2);
    assert!(
        out.error_lines()[0].contains("`--force` removes it anyway"),
        "{}",
        out.stderr
    );
    assert!(
        hint(&out).starts_with("hint: run it again with --force"),
        "{}",
        out.stderr
    );
    assert!(
        server.methods().iter().all(|m| m == "GET"),
        "{:?}",
        server.methods()
    );
}
