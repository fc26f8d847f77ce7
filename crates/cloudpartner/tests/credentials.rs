//! Credentials end to end: client secret against the emulator's token endpoints, the Azure
//! CLI through a fake `az`, user providers, caching.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use cloudpartner::credential::{
    AccessToken, AzureCliCredential, ClientSecretCredential, TokenCredential, TokenFuture,
};
use cloudpartner::{Client, ErrorKind};
use serde_json::json;
use support::*;

#[tokio::test]
async fn client_secret_gets_a_token_from_the_authority() {
    let emu = emulator(json!([])).await;
    let cred =
        ClientSecretCredential::with_authority("t1", "c1", "s1", emu.base_url(), false).unwrap();
    let c = Client::builder()
        .base_url(emu.base_url())
        .credential(cred)
        .build()
        .unwrap();
    c.offer_status("contoso", "fixed").await.unwrap();
    c.offer_status("contoso", "fixed").await.unwrap();
    let reqs = emu.requests();
    let token_calls: Vec<_> = reqs.iter().filter(|r| r.method == "POST").collect();
    assert_eq!(token_calls.len(), 1, "the token is cached");
    assert_eq!(token_calls[0].path, "/t1/oauth2/token");
    let gets: Vec<_> = reqs.iter().filter(|r| r.method == "GET").collect();
    assert_eq!(gets.len(), 2);
    assert_eq!(
        gets[0].header("authorization"),
        Some(format!("Bearer {TOKEN}").as_str())
    );
}

#[tokio::test]
async fn a_wrong_client_secret_is_an_authentication_error_without_the_secret() {
    let emu = emulator(json!([])).await;
    let cred =
        ClientSecretCredential::with_authority("t1", "c1", "not-the-secret", emu.base_url(), false)
            .unwrap();
    assert!(!format!("{cred:?}").contains("not-the-secret"));
    let c = Client::builder()
        .base_url(emu.base_url())
        .credential(cred)
        .build()
        .unwrap();
    let err = c.offer_status("contoso", "fixed").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Authentication, "{err}");
    assert!(!format!("{err} {err:?}").contains("not-the-secret"));
    assert!(
        emu.requests().iter().all(|r| r.method == "POST"),
        "no GET without a token"
    );
}

#[tokio::test]
async fn client_secret_rejects_plain_http_authorities_that_are_not_loopback() {
    let err =
        ClientSecretCredential::with_authority("t", "c", "s", "http://login.example.com", false)
            .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument);
    let err = ClientSecretCredential::new("", "c", "s").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidArgument);
}

#[derive(Debug)]
struct Counting {
    calls: AtomicUsize,
    token: String,
}

impl TokenCredential for Counting {
    fn get_token<'a>(&'a self, scope: &'a str) -> TokenFuture<'a> {
        Box::pin(async move {
            assert_eq!(scope, "https://cloudpartner.azure.com/.default");
            self.calls.fetch_add(1, Ordering::SeqCst);
            Ok(AccessToken::new(
                self.token.clone(),
                Some(SystemTime::now() + Duration::from_secs(3600)),
            ))
        })
    }
}

#[tokio::test]
async fn a_user_credential_is_called_once_while_fresh() {
    let emu = emulator(json!([])).await;
    let cred = Arc::new(Counting {
        calls: AtomicUsize::new(0),
        token: TOKEN.into(),
    });
    let c = Client::builder()
        .base_url(emu.base_url())
        .credential_arc(cred.clone())
        .build()
        .unwrap();
    let results = c.offer_statuses("contoso", ["fixed"; 6], 6).await;
    assert!(results.iter().all(|(_, r)| r.is_ok()));
    assert_eq!(cred.calls.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn a_refused_token_from_a_credential_is_refreshed_once() {
    let emu = emulator(json!([])).await;
    let cred = Arc::new(Counting {
        calls: AtomicUsize::new(0),
        token: "stale".into(),
    });
    let c = Client::builder()
        .base_url(emu.base_url())
        .credential_arc(cred.clone())
        .build()
        .unwrap();
    let err = c.offer_status("contoso", "fixed").await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Authentication);
    assert_eq!(
        cred.calls.load(Ordering::SeqCst),
        2,
        "asked again after the 401"
    );
    assert_eq!(emu.requests().len(), 2);
}

#[cfg(unix)]
fn fake_az(dir: &std::path::Path, script: &str) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("az");
    std::fs::write(&path, format!("#!/bin/sh\n{script}\n")).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

#[cfg(unix)]
#[tokio::test]
async fn the_azure_cli_credential_runs_az() {
    let emu = emulator(json!([])).await;
    let dir = tempfile::tempdir().unwrap();
    let args_file = dir.path().join("args");
    let az = fake_az(
        dir.path(),
        &format!(
            "echo \"$@\" > {}\necho '{{\"accessToken\": \"{TOKEN}\", \"expiresOn\": \"2099-01-01 00:00:00.000000\", \"expires_on\": 4070908800, \"tokenType\": \"Bearer\"}}'",
            args_file.display()
        ),
    );
    let c = Client::builder()
        .base_url(emu.base_url())
        .credential(AzureCliCredential::new().with_program(&az))
        .build()
        .unwrap();
    c.offer_status("contoso", "fixed").await.unwrap();
    let args = std::fs::read_to_string(&args_file).unwrap();
    assert_eq!(
        args.trim(),
        "account get-access-token --resource https://cloudpartner.azure.com -o json"
    );
}

#[cfg(unix)]
#[tokio::test]
async fn azure_cli_failures_are_authentication_errors_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let az = fake_az(
        dir.path(),
        "echo \"ERROR: Please run 'az login' to setup account.\" >&2\nexit 1",
    );
    let err = AzureCliCredential::new()
        .with_program(&az)
        .get_token("s")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Authentication);
    assert!(err.message().contains("az login"), "{err}");
    let err = AzureCliCredential::new()
        .with_program(dir.path().join("no-such-az"))
        .get_token("s")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Authentication);
    assert!(err.message().contains("not installed"), "{err}");
    let az = fake_az(dir.path(), "echo 'not json'");
    let err = AzureCliCredential::new()
        .with_program(&az)
        .get_token("s")
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Authentication);
}
