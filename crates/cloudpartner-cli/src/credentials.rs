//! Which credential the command uses, first found wins (DESIGN §5): a token (flag, then
//! environment), a client secret (flags, then environment), the Azure CLI; otherwise an
//! error that lists the options.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use cloudpartner::Secret;
use cloudpartner::credential::{
    AzureCliCredential, ClientSecretCredential, DEFAULT_AUTHORITY_HOST, TokenCredential,
    TokenFuture,
};

use crate::args::GlobalArgs;
use crate::failure::Failure;
use crate::hint::GET_TOKEN;

/// Where the credential in use came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CredentialSource {
    /// A static token: `--token`, `CLOUDPARTNER_TOKEN` or `AZURE_TOKEN`.
    Token(&'static str),
    /// A service principal's client secret.
    ClientSecret,
    /// The Azure CLI at this path.
    AzureCli(PathBuf),
}

impl CredentialSource {
    /// The prefix of the errors the credential itself raises (`client secret
    /// credential: …`), so that hints can tell them from the API's 401.
    pub fn label(&self) -> &'static str {
        match self {
            CredentialSource::Token(_) => "token",
            CredentialSource::ClientSecret => "client secret credential",
            CredentialSource::AzureCli(_) => "Azure CLI credential",
        }
    }
}

/// What the client authenticates with.
#[derive(Debug, Clone)]
pub enum Credential {
    /// A fixed token: a 401 is final (no point asking again).
    Token(Secret),
    /// A credential asked for tokens (and asked again after a 401).
    Provider(Arc<dyn TokenCredential>),
}

/// The credential to use and where it came from.
#[derive(Debug, Clone)]
pub struct ResolvedCredential {
    /// The credential.
    pub credential: Credential,
    /// Where it came from.
    pub source: CredentialSource,
}

/// Reads the environment: empty and blank variables count as unset.
pub fn lookup_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// The first executable called `name` on `PATH`.
pub fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

/// Picks the credential from the flags, then `env` (blank values count as unset), then
/// the Azure CLI found by `find_program`.
pub fn resolve_credential(
    global: &GlobalArgs,
    env: &dyn Fn(&str) -> Option<String>,
    find_program: &dyn Fn(&str) -> Option<PathBuf>,
) -> Result<ResolvedCredential, Failure> {
    let env = &|name: &str| env(name).filter(|v| !v.trim().is_empty());
    if let Some((token, from)) = token(global, env) {
        log::info!("credential: a token from {from}");
        return Ok(ResolvedCredential {
            credential: Credential::Token(token),
            source: CredentialSource::Token(from),
        });
    }
    if let Some(credential) = client_secret(global, env)? {
        return Ok(ResolvedCredential {
            credential: Credential::Provider(Arc::new(Labeled {
                inner: credential,
                label: CredentialSource::ClientSecret.label(),
            })),
            source: CredentialSource::ClientSecret,
        });
    }
    let program = if cfg!(windows) { "az.cmd" } else { "az" };
    if let Some(az) = find_program(program) {
        log::info!("credential: the Azure CLI ({})", az.display());
        let source = CredentialSource::AzureCli(az.clone());
        return Ok(ResolvedCredential {
            credential: Credential::Provider(Arc::new(Labeled {
                inner: Arc::new(AzureCliCredential::new().with_program(az)),
                label: source.label(),
            })),
            source,
        });
    }
    Err(Failure::error(
        "authentication: no credentials found: pass --token (or set CLOUDPARTNER_TOKEN or \
AZURE_TOKEN); or --tenant-id, --client-id and --client-secret (or set AZURE_TENANT_ID, \
AZURE_CLIENT_ID and AZURE_CLIENT_SECRET); or install the Azure CLI and run `az login`",
    )
    .with_hint(format!(
        "with the Azure CLI elsewhere, `{GET_TOKEN}` prints a token"
    )))
}

fn token(
    global: &GlobalArgs,
    env: &dyn Fn(&str) -> Option<String>,
) -> Option<(Secret, &'static str)> {
    if let Some(token) = &global.token {
        return Some((token.clone(), "--token"));
    }
    ["CLOUDPARTNER_TOKEN", "AZURE_TOKEN"]
        .into_iter()
        .find_map(|name| env(name).map(|t| (Secret::new(t.trim()), name)))
}

/// A client secret credential when the flags or the environment name one. Flags
/// complete themselves from the environment; a flag without the others is a usage error.
fn client_secret(
    global: &GlobalArgs,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Option<Arc<dyn TokenCredential>>, Failure> {
    let any_flag =
        global.tenant_id.is_some() || global.client_id.is_some() || global.client_secret.is_some();
    let tenant = global.tenant_id.clone().or_else(|| env("AZURE_TENANT_ID"));
    let client = global.client_id.clone().or_else(|| env("AZURE_CLIENT_ID"));
    let secret = global
        .client_secret
        .clone()
        .or_else(|| env("AZURE_CLIENT_SECRET").map(Secret::new));
    let (tenant, client, secret) = match (tenant, client, secret) {
        (Some(t), Some(c), Some(s)) => (t, c, s),
        (tenant, client, secret) if any_flag => {
            let missing: Vec<&str> = [
                (tenant.is_none(), "--tenant-id (or AZURE_TENANT_ID)"),
                (client.is_none(), "--client-id (or AZURE_CLIENT_ID)"),
                (secret.is_none(), "--client-secret (or AZURE_CLIENT_SECRET)"),
            ]
            .into_iter()
            .filter_map(|(absent, what)| absent.then_some(what))
            .collect();
            return Err(Failure::usage(format!(
                "a service principal needs a tenant, a client id and a secret: missing {}",
                missing.join(", ")
            )));
        }
        _ => return Ok(None),
    };
    let authority = global
        .authority_host
        .clone()
        .or_else(|| env("AZURE_AUTHORITY_HOST"))
        .unwrap_or_else(|| DEFAULT_AUTHORITY_HOST.to_owned());
    log::info!("credential: client secret of {client} in tenant {tenant} ({authority})");
    let credential =
        ClientSecretCredential::with_authority(tenant, client, secret, authority.trim(), false)
            .map_err(|e| Failure::usage(format!("client secret credential: {}", e.message())))?;
    Ok(Some(Arc::new(credential)))
}

/// A credential whose errors say which credential failed.
#[derive(Debug)]
struct Labeled {
    inner: Arc<dyn TokenCredential>,
    label: &'static str,
}

impl TokenCredential for Labeled {
    fn get_token<'a>(&'a self, scope: &'a str) -> TokenFuture<'a> {
        Box::pin(async move {
            self.inner
                .get_token(scope)
                .await
                .map_err(|e| e.context(self.label))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::args::Cli;
    use clap::Parser;
    use std::collections::HashMap;

    fn resolve(
        args: &[&str],
        vars: &[(&str, &str)],
        az: bool,
    ) -> Result<CredentialSource, Failure> {
        let mut argv = vec!["cloudpartner"];
        argv.extend_from_slice(args);
        argv.extend(["status", "p", "o"]);
        let cli = Cli::try_parse_from(argv).unwrap();
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let env = move |name: &str| vars.get(name).cloned();
        let find = move |name: &str| az.then(|| PathBuf::from("/opt/bin").join(name));
        resolve_credential(&cli.global, &env, &find).map(|r| r.source)
    }

    const SP: [(&str, &str); 3] = [
        ("AZURE_TENANT_ID", "t"),
        ("AZURE_CLIENT_ID", "c"),
        ("AZURE_CLIENT_SECRET", "s"),
    ];

    #[test]
    fn a_token_comes_first_flag_before_environment() {
        let env = [("CLOUDPARTNER_TOKEN", "e"), SP[0], SP[1], SP[2]];
        assert_eq!(
            resolve(&["--token", "x"], &env, true),
            Ok(CredentialSource::Token("--token"))
        );
        assert_eq!(
            resolve(&[], &env, true),
            Ok(CredentialSource::Token("CLOUDPARTNER_TOKEN"))
        );
        assert_eq!(
            resolve(
                &[],
                &[("AZURE_TOKEN", "a"), ("CLOUDPARTNER_TOKEN", " ")],
                false
            ),
            Ok(CredentialSource::Token("AZURE_TOKEN"))
        );
    }

    #[test]
    fn a_client_secret_comes_before_the_azure_cli() {
        assert_eq!(resolve(&[], &SP, true), Ok(CredentialSource::ClientSecret));
        assert_eq!(
            resolve(
                &[
                    "--tenant-id",
                    "t",
                    "--client-id",
                    "c",
                    "--client-secret",
                    "s"
                ],
                &[],
                true
            ),
            Ok(CredentialSource::ClientSecret)
        );
        // Flags complete themselves from the environment.
        assert_eq!(
            resolve(&["--client-secret", "s"], &SP[..2], false),
            Ok(CredentialSource::ClientSecret)
        );
    }

    #[test]
    fn part_of_a_service_principal_on_the_command_line_is_a_usage_error() {
        let failure = resolve(&["--client-id", "c"], &[], true).unwrap_err();
        assert_eq!(failure.exit, crate::exit_code::Exit::Usage);
        assert!(
            failure.message.contains("--tenant-id"),
            "{}",
            failure.message
        );
        assert!(
            failure.message.contains("--client-secret"),
            "{}",
            failure.message
        );
        // In the environment alone it is ignored.
        assert!(matches!(
            resolve(&[], &SP[..2], true),
            Ok(CredentialSource::AzureCli(_))
        ));
    }

    #[test]
    fn without_anything_the_error_lists_the_options() {
        let failure = resolve(&[], &[], false).unwrap_err();
        for option in [
            "--token",
            "CLOUDPARTNER_TOKEN",
            "--client-secret",
            "AZURE_CLIENT_SECRET",
            "az login",
        ] {
            assert!(
                failure.message.contains(option),
                "{option}: {}",
                failure.message
            );
        }
    }
}
