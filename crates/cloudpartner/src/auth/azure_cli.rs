use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use serde::Deserialize;

use super::{AccessToken, TokenCredential, TokenFuture, resource_of};
use crate::error::{Error, ErrorKind, Result};

/// Tokens from the Azure CLI's signed-in account
/// (`az account get-access-token --resource https://cloudpartner.azure.com -o json`).
///
/// ```no_run
/// # async fn run() -> cloudpartner::Result<()> {
/// let client = cloudpartner::Client::builder()
///     .credential(cloudpartner::credential::AzureCliCredential::new())
///     .build()?;
/// let status = client.offer_status("contoso", "my-offer").await?;
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct AzureCliCredential {
    program: PathBuf,
    timeout: Duration,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CliToken {
    access_token: String,
    #[serde(default)]
    expires_on: Option<String>,
    #[serde(default, rename = "expires_on")]
    expires_on_unix: Option<serde_json::Value>,
}

impl Default for AzureCliCredential {
    fn default() -> Self {
        AzureCliCredential::new()
    }
}

impl AzureCliCredential {
    /// Runs `az` from `PATH`.
    pub fn new() -> AzureCliCredential {
        let program = if cfg!(windows) { "az.cmd" } else { "az" };
        AzureCliCredential {
            program: PathBuf::from(program),
            timeout: Duration::from_secs(30),
        }
    }

    /// Runs another program in place of `az` (a wrapper, or a fake one in tests).
    pub fn with_program(mut self, program: impl Into<PathBuf>) -> AzureCliCredential {
        self.program = program.into();
        self
    }

    /// How long `az` may take (default 30 s).
    pub fn with_timeout(mut self, timeout: Duration) -> AzureCliCredential {
        self.timeout = timeout;
        self
    }

    async fn run(&self, scope: &str) -> Result<AccessToken> {
        let mut command = tokio::process::Command::new(&self.program);
        command
            .args([
                "account",
                "get-access-token",
                "--resource",
                resource_of(scope),
                "-o",
                "json",
            ])
            .stdin(std::process::Stdio::null())
            .kill_on_drop(true);
        let shown = self.program.display().to_string();
        let output = tokio::time::timeout(self.timeout, command.output())
            .await
            .map_err(|_| {
                Error::new(
                    ErrorKind::Timeout,
                    format!(
                        "`{shown} account get-access-token` took longer than {:?}",
                        self.timeout
                    ),
                )
            })?
            .map_err(|e| {
                let hint = if e.kind() == std::io::ErrorKind::NotFound {
                    "the Azure CLI is not installed or not on PATH"
                } else {
                    "it could not be started"
                };
                Error::new(
                    ErrorKind::Authentication,
                    format!("cannot run `{shown}`: {hint} ({e})"),
                )
            })?;
        if !output.status.success() {
            let stderr = String::from_utf8_lossy(&output.stderr);
            let first = stderr
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .unwrap_or("no message");
            let hint = if stderr.contains("az login") || stderr.contains("not logged in") {
                " (run `az login` first)"
            } else {
                ""
            };
            return Err(Error::new(
                ErrorKind::Authentication,
                format!("`{shown} account get-access-token` failed: {first}{hint}"),
            ));
        }
        let token: CliToken = serde_json::from_slice(&output.stdout).map_err(|e| {
            Error::new(
                ErrorKind::Authentication,
                format!("unreadable output of `{shown} account get-access-token`: {e}"),
            )
        })?;
        let expires_at = super::expiry::unix_expiry(token.expires_on_unix.as_ref())
            .or_else(|| token.expires_on.as_deref().and_then(local_expiry));
        Ok(AccessToken::new(token.access_token, expires_at))
    }
}

/// `expiresOn` is the machine's local time, `2026-11-22 10:00:00.000000`.
fn local_expiry(text: &str) -> Option<SystemTime> {
    use chrono::TimeZone;
    let naive = chrono::NaiveDateTime::parse_from_str(text.trim(), "%Y-%m-%d %H:%M:%S%.f").ok()?;
    let local = chrono::Local.from_local_datetime(&naive).earliest()?;
    Some(SystemTime::from(local))
}

impl TokenCredential for AzureCliCredential {
    fn get_token<'a>(&'a self, scope: &'a str) -> TokenFuture<'a> {
        Box::pin(self.run(scope))
    }
}
