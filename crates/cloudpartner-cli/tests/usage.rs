//! The command line itself: help, version, usage errors (exit code 2), completions.

mod common;

use common::{cloudpartner, run};

#[test]
fn help_lists_the_subcommands_credentials_and_exit_codes() {
    let out = run(cloudpartner(&["--help"])).expect_code(0);
    for word in [
        "status",
        "watch",
        "inspect",
        "serve",
        "demo",
        "completions",
        "--base-url",
        "--api-version",
        "--token",
        "--tenant-id",
        "--client-id",
        "--client-secret",
        "--authority-host",
        "--timeout",
        "--max-retries",
        "--verbose",
        "--color",
        "CLOUDPARTNER_BASE_URL",
        "CLOUDPARTNER_TOKEN",
        "AZURE_TENANT_ID",
        "AZURE_CLIENT_ID",
        "AZURE_CLIENT_SECRET",
        "AZURE_AUTHORITY_HOST",
        "124 timed out",
        "130 interrupted",
        "publishers",
        "offers",
        "offer",
        "publish",
        "go-live",
        "cancel",
        "operations",
        "operation",
        "image",
        "release",
    ] {
        assert!(
            out.stdout.contains(word),
            "no {word} in --help:\n{}",
            out.stdout
        );
    }
    let out = run(cloudpartner(&["watch", "--help"])).expect_code(0);
    for word in [
        "--until",
        "--min-interval",
        "--max-interval",
        "--json",
        "--timeout",
    ] {
        assert!(out.stdout.contains(word), "no {word} in watch --help");
    }
    let out = run(cloudpartner(&["--version"])).expect_code(0);
    assert_eq!(
        out.stdout.trim(),
        format!("cloudpartner {}", env!("CARGO_PKG_VERSION"))
    );
}

/// Every command and subcommand, as typed.
const COMMANDS: [&[&str]; 24] = [
    &["status"],
    &["watch"],
    &["inspect"],
    &["serve"],
    &["demo"],
    &["completions"],
    &["publishers"],
    &["offers"],
    &["offer", "show"],
    &["offer", "put"],
    &["publish"],
    &["go-live"],
    &["cancel"],
    &["operations"],
    &["operation"],
    &["image", "list"],
    &["image", "add"],
    &["image", "remove"],
    &["image", "deprecate"],
    &["release"],
    &["offer"],
    &["image"],
    &["product"],
    &["product", "image"],
];

#[test]
fn every_command_has_help_with_an_example() {
    for command in COMMANDS {
        let mut args = command.to_vec();
        args.push("--help");
        let out = run(cloudpartner(&args)).expect_code(0);
        assert!(
            out.stdout.contains("Example:\n  cloudpartner "),
            "{command:?} --help has no example:\n{}",
            out.stdout
        );
        let example = out.stdout.split("Example:\n").nth(1).unwrap();
        assert!(
            example.contains(&format!("cloudpartner {}", command.join(" "))),
            "{command:?}: {example}"
        );
    }
    let out = run(cloudpartner(&["image", "--help"])).expect_code(0);
    for sub in ["list", "add", "remove", "deprecate"] {
        assert!(out.stdout.contains(sub), "{}", out.stdout);
    }
    for (command, flags) in [
        (
            &["release"][..],
            &[
                "--plan",
                "--version",
                "--os-vhd-url",
                "--label",
                "--media-name",
                "--description",
                "--data-disk",
                "--go-live",
                "--notification-emails",
                "--dry-run",
                "--json",
                "--min-interval",
                "--max-interval",
                "--timeout",
            ][..],
        ),
        (
            &["publish"],
            &[
                "--notification-emails",
                "--watch",
                "--min-interval",
                "--max-interval",
            ],
        ),
        (
            &["go-live"],
            &["--watch", "--min-interval", "--max-interval"],
        ),
        (
            &["cancel"],
            &["--watch", "--min-interval", "--max-interval"],
        ),
        (&["offer", "show"], &["--slot", "--version", "--json"]),
        (&["offer", "put"], &["--if-match", "--force", "--create"]),
        (&["operations"], &["--state", "--json"]),
        (&["operation"], &["--url", "--json"]),
        (&["image", "add"], &["--data-disk", "--dry-run"]),
        (&["image", "remove"], &["--force", "--dry-run"]),
    ] {
        let mut args = command.to_vec();
        args.push("--help");
        let out = run(cloudpartner(&args)).expect_code(0);
        for flag in flags {
            assert!(out.stdout.contains(flag), "{command:?}: no {flag}");
        }
    }
}

#[test]
fn serve_help_points_to_the_scenario_docs_in_the_repository() {
    let out = run(cloudpartner(&["serve", "--help"])).expect_code(0);
    assert!(out.stdout.contains("docs/emulator.md"), "{}", out.stdout);
    assert!(!out.stdout.contains("DESIGN"), "{}", out.stdout);
    let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/emulator.md");
    assert!(docs.exists(), "{}", docs.display());
    // Its own flags first; the client options apart, which serve refuses.
    let (own, client) = out.stdout.split_once("Client options:").unwrap();
    assert!(
        own.contains("--scenario") && own.contains("--time-scale"),
        "{own}"
    );
    assert!(
        client.contains("--base-url") && !own.contains("--base-url"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_base_url_without_a_scheme_says_so() {
    let out = run(cloudpartner(&[
        "--base-url",
        "127.0.0.1:8080",
        "--token",
        "t",
        "status",
        "contoso",
        "live-offer",
    ]))
    .expect_code(2);
    assert_eq!(
        out.error_lines(),
        [
            "error: invalid_argument: base URL `127.0.0.1:8080`: the scheme is missing (did you mean `http://127.0.0.1:8080`?)"
        ],
        "{}",
        out.stderr
    );
    assert_eq!(out.hint_lines(), ["hint: --base-url http://127.0.0.1:8080"]);
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["status"],
        &["status", "contoso"],
        &["frobnicate"],
        &["--color", "sometimes", "inspect", "-"],
        &["--timeout", "soon", "status", "p", "o"],
        &["--max-retries", "-1", "status", "p", "o"],
        &["inspect"],
        &["completions", "tcsh"],
        &["demo", "--seconds", "0"],
        &["offers"],
        &["offer"],
        &["offer", "show", "p"],
        &["image", "add", "p", "o", "--plan", "a"],
        &["release", "p", "o", "--plan", "a", "--version", "1.0.0"],
        &["operations", "p", "o", "--state", "sometimes"],
        &["publish", "p", "o", "--min-interval", "0"],
    ] {
        let out = run(cloudpartner(args)).expect_code(2);
        assert!(
            out.stderr.contains("error:") || out.stderr.contains("Usage: cloudpartner"),
            "{args:?}: {}",
            out.stderr
        );
        assert_eq!(out.stdout, "", "{args:?}");
    }
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = run(cloudpartner(&["completions", shell])).expect_code(0);
        assert!(out.stdout.contains("cloudpartner"), "{shell}");
        for word in [
            "status",
            "watch",
            "inspect",
            "serve",
            "demo",
            "min-interval",
            "publishers",
            "offers",
            "go-live",
            "operations",
            "image",
            "release",
            "os-vhd-url",
            "dry-run",
        ] {
            assert!(out.stdout.contains(word), "{shell}: no {word}");
        }
    }
}
