//! Which credential the binary uses, in the order of DESIGN §5: a token (flag, then
//! environment), a client secret (flags, then environment, against the emulator's
//! token endpoint), the Azure CLI (a fake `az` on `PATH`), else an error listing them.

#![cfg(unix)]

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use common::{Server, cloudpartner, json_lines, run};

/// A directory with a fake `az` that records its arguments in `args.txt` and prints
/// `token` the way `az account get-access-token -o json` does (or fails without one).
struct FakeAz {
    dir: tempfile::TempDir,
}

impl FakeAz {
    fn printing(token: Option<&str>) -> FakeAz {
        let dir = tempfile::tempdir().unwrap();
        let body = match token {
            Some(token) => format!(
                "printf '%s\\n' '{{\"accessToken\": \"{token}\", \"expiresOn\": \"2099-01-01 00:00:00.000000\", \"expires_on\": 4070908800, \"tokenType\": \"Bearer\"}}'"
            ),
            None => {
                "echo \"ERROR: Please run 'az login' to setup account.\" >&2\nexit 1".to_owned()
            }
        };
        let script = format!("#!/bin/sh\necho \"$@\" > \"${{0%/*}}/args.txt\"\n{body}\n");
        let path = dir.path().join("az");
        std::fs::write(&path, script).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        FakeAz { dir }
    }

    fn path_var(&self) -> &Path {
        self.dir.path()
    }

    fn was_called(&self) -> Option<String> {
        std::fs::read_to_string(self.dir.path().join("args.txt")).ok()
    }
}

fn status_of(server: &Server) -> assert_cmd::Command {
    cloudpartner(&[
        "--base-url",
        &server.url(),
        "status",
        "contoso",
        "live-offer",
        "--json",
    ])
}

fn token_endpoint_calls(server: &Server) -> Vec<String> {
    server
        .emulator()
        .requests()
        .into_iter()
        .filter(|r| r.method == "POST")
        .map(|r| r.path)
        .collect()
}

#[test]
fn the_token_flag_wins_over_everything() {
    let server = Server::start();
    let az = FakeAz::printing(Some("az-token-wrong"));
    let out = run(status_of(&server)
        .args(["--token", &server.token()])
        .env("CLOUDPARTNER_TOKEN", "env-token-wrong")
        .env("AZURE_TENANT_ID", "contoso-tenant")
        .env("AZURE_CLIENT_ID", "contoso-app")
        .env("AZURE_CLIENT_SECRET", "wrong")
        .env("AZURE_AUTHORITY_HOST", server.url())
        .env("PATH", az.path_var()))
    .expect_code(0);
    assert_eq!(json_lines(&out.stdout)[0]["status"], "succeeded");
    assert_eq!(az.was_called(), None);
    assert!(token_endpoint_calls(&server).is_empty());
}

#[test]
fn a_token_from_the_environment_comes_before_a_client_secret() {
    let server = Server::start();
    run(status_of(&server)
        .env("CLOUDPARTNER_TOKEN", server.token())
        .env("AZURE_TENANT_ID", "contoso-tenant")
        .env("AZURE_CLIENT_ID", "contoso-app")
        .env("AZURE_CLIENT_SECRET", "wrong")
        .env("AZURE_AUTHORITY_HOST", server.url()))
    .expect_code(0);
    assert!(token_endpoint_calls(&server).is_empty());
    // AZURE_TOKEN as well.
    run(status_of(&server).env("AZURE_TOKEN", server.token())).expect_code(0);
}

#[test]
fn a_client_secret_from_the_environment_uses_the_token_endpoint() {
    let server = Server::start();
    let az = FakeAz::printing(Some("az-token-wrong"));
    let out = run(status_of(&server)
        .env("AZURE_TENANT_ID", "contoso-tenant")
        .env("AZURE_CLIENT_ID", "contoso-app")
        .env("AZURE_CLIENT_SECRET", "contoso-secret")
        .env("AZURE_AUTHORITY_HOST", server.url())
        .env("PATH", az.path_var()))
    .expect_code(0);
    assert_eq!(json_lines(&out.stdout)[0]["status"], "succeeded");
    let calls = token_endpoint_calls(&server);
    assert_eq!(calls.len(), 1, "{calls:?}");
    assert!(calls[0].starts_with("/contoso-tenant/oauth2/"), "{calls:?}");
    assert_eq!(
        az.was_called(),
        None,
        "the Azure CLI comes after the client secret"
    );
}

#[test]
fn client_secret_flags_complete_from_the_environment_and_win_over_it() {
    let server = Server::start();
    let out = run(status_of(&server)
        .args([
            "--client-secret",
            "contoso-secret",
            "--authority-host",
            &server.url(),
        ])
        .env("AZURE_TENANT_ID", "contoso-tenant")
        .env("AZURE_CLIENT_ID", "contoso-app")
        .env("AZURE_CLIENT_SECRET", "wrong-secret")
        .env("AZURE_AUTHORITY_HOST", "http://127.0.0.1:9"))
    .expect_code(0);
    assert_eq!(json_lines(&out.stdout)[0]["status"], "succeeded");
    assert_eq!(token_endpoint_calls(&server).len(), 1);
}

#[test]
fn a_refused_client_secret_says_which_options_to_check_and_never_shows_it() {
    let server = Server::start();
    let out = run(status_of(&server).args([
        "--tenant-id",
        "contoso-tenant",
        "--client-id",
        "contoso-app",
        "--client-secret",
        "sec-9a8b7c-wrong",
        "--authority-host",
        &server.url(),
        "-vv",
    ]))
    .expect_code(1);
    let error = out.error_lines()[0];
    assert!(
        error.contains("authentication: client secret credential: "),
        "{error}"
    );
    assert!(
        out.hint_lines()[0].contains("--tenant-id, --client-id and --client-secret"),
        "{}",
        out.stderr
    );
    out.assert_never_shows("sec-9a8b7c-wrong");
}

#[test]
fn part_of_a_service_principal_is_a_usage_error() {
    let out = run(cloudpartner(&[
        "--client-id",
        "app",
        "status",
        "contoso",
        "live-offer",
    ]))
    .expect_code(2);
    let error = out.error_lines()[0];
    assert!(
        error.contains(
            "missing --tenant-id (or AZURE_TENANT_ID), --client-secret (or AZURE_CLIENT_SECRET)"
        ),
        "{error}"
    );
}

#[test]
fn the_azure_cli_comes_last() {
    let server = Server::start();
    let az = FakeAz::printing(Some(&server.token()));
    let out = run(status_of(&server)
        // Half a service principal in the environment is not one.
        .env("AZURE_TENANT_ID", "contoso-tenant")
        .env("PATH", az.path_var()))
    .expect_code(0);
    assert_eq!(json_lines(&out.stdout)[0]["status"], "succeeded");
    let args = az.was_called().expect("az was called");
    assert_eq!(
        args.trim(),
        "account get-access-token --resource https://cloudpartner.azure.com -o json"
    );
}

#[test]
fn an_azure_cli_without_a_sign_in_says_to_run_az_login() {
    let server = Server::start();
    let az = FakeAz::printing(None);
    let out = run(status_of(&server).env("PATH", az.path_var())).expect_code(1);
    let error = out.error_lines()[0];
    assert!(
        error.contains("authentication: Azure CLI credential: "),
        "{error}"
    );
    assert!(error.contains("az login"), "{error}");
    assert!(out.hint_lines()[0].contains("az login"), "{}", out.stderr);
}

#[test]
fn without_any_credential_the_error_lists_the_options() {
    let empty = tempfile::tempdir().unwrap();
    let out = run(cloudpartner(&["status", "contoso", "live-offer"]).env("PATH", empty.path()))
        .expect_code(1);
    assert_eq!(out.error_lines().len(), 1, "{}", out.stderr);
    let error = out.error_lines()[0];
    for option in [
        "--token",
        "CLOUDPARTNER_TOKEN",
        "AZURE_TOKEN",
        "--tenant-id",
        "--client-id",
        "--client-secret",
        "AZURE_TENANT_ID",
        "AZURE_CLIENT_ID",
        "AZURE_CLIENT_SECRET",
        "Azure CLI",
        "az login",
    ] {
        assert!(error.contains(option), "no {option} in {error}");
    }
    // No request was needed to find that out, and blank variables count as unset.
    let out = run(cloudpartner(&["status", "contoso", "live-offer"])
        .env("CLOUDPARTNER_TOKEN", "  ")
        .env("PATH", PathBuf::from(empty.path())))
    .expect_code(1);
    assert!(
        out.error_lines()[0].contains("no credential found"),
        "{}",
        out.stderr
    );
}
