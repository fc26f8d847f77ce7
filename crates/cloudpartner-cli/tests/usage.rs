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
        ] {
            assert!(out.stdout.contains(word), "{shell}: no {word}");
        }
    }
}
