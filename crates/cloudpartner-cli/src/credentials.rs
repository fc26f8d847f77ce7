//! The credential flags, fed into the core's one credential chain
//! (`cloudpartner::credential::default_chain`): `--token` is the explicit token,
//! `--tenant-id`/`--client-id`/`--client-secret`/`--authority-host` the explicit
//! client secret; the environment and the Azure CLI come after them, as in every
//! other interface.

use cloudpartner::{ClientSecretOptions, Environment, Secret};

use crate::args::GlobalArgs;
use crate::failure::Failure;

/// The explicit credential of the flags.
#[derive(Debug, Clone, Default)]
pub struct CredentialFlags {
    /// `--token`.
    pub token: Option<Secret>,
    /// `--tenant-id`, `--client-id`, `--client-secret`, `--authority-host`.
    pub client_secret: Option<ClientSecretOptions>,
}

/// How the flags of a service principal are named in messages.
const FLAG_NAMES: [&str; 4] = [
    "--tenant-id (or AZURE_TENANT_ID)",
    "--client-id (or AZURE_CLIENT_ID)",
    "--client-secret (or AZURE_CLIENT_SECRET)",
    "--authority-host (or AZURE_AUTHORITY_HOST)",
];

/// Reads the credential flags. A service principal given on the command line completes
/// itself from the environment (`--client-secret` with `AZURE_TENANT_ID` and
/// `AZURE_CLIENT_ID` set); what is still missing then is a usage error.
pub fn credential_flags(
    global: &GlobalArgs,
    env: &Environment,
) -> Result<CredentialFlags, Failure> {
    let any_flag =
        global.tenant_id.is_some() || global.client_id.is_some() || global.client_secret.is_some();
    let client_secret = if any_flag {
        let tenant = global
            .tenant_id
            .clone()
            .or_else(|| env.var("AZURE_TENANT_ID"));
        let client = global
            .client_id
            .clone()
            .or_else(|| env.var("AZURE_CLIENT_ID"));
        let secret = global
            .client_secret
            .clone()
            .or_else(|| env.var("AZURE_CLIENT_SECRET").map(Secret::new));
        let authority_host = global
            .authority_host
            .clone()
            .or_else(|| env.var("AZURE_AUTHORITY_HOST"));
        // The core's rule for a partial service principal, in the flags' spelling.
        ClientSecretOptions::from_parts(tenant, client, secret, authority_host, FLAG_NAMES)
            .map_err(|e| Failure::usage(e.message()))?
    } else {
        None
    };
    Ok(CredentialFlags {
        token: global.token.clone(),
        client_secret,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::args::Cli;
    use clap::Parser;

    fn flags(args: &[&str], vars: &[(&str, &str)]) -> Result<CredentialFlags, Failure> {
        let mut argv = vec!["cloudpartner"];
        argv.extend_from_slice(args);
        argv.extend(["status", "p", "o"]);
        let cli = Cli::try_parse_from(argv).unwrap();
        credential_flags(&cli.global, &Environment::from_vars(vars.iter().copied()))
    }

    const SP: [(&str, &str); 3] = [
        ("AZURE_TENANT_ID", "t"),
        ("AZURE_CLIENT_ID", "c"),
        ("AZURE_CLIENT_SECRET", "s"),
    ];

    #[test]
    fn flags_complete_themselves_from_the_environment() {
        let f = flags(
            &[
                "--client-secret",
                "s",
                "--authority-host",
                "http://127.0.0.1:1",
            ],
            &SP[..2],
        )
        .unwrap();
        let secret = f.client_secret.unwrap();
        assert_eq!(
            (secret.tenant_id.as_str(), secret.client_id.as_str()),
            ("t", "c")
        );
        assert_eq!(secret.authority_host.as_deref(), Some("http://127.0.0.1:1"));
        // The environment alone is the chain's business, not an explicit credential.
        assert!(flags(&[], &SP).unwrap().client_secret.is_none());
        assert!(flags(&["--token", "x"], &SP).unwrap().token.is_some());
    }

    #[test]
    fn part_of_a_service_principal_on_the_command_line_is_a_usage_error() {
        let failure = flags(&["--client-id", "c"], &[]).unwrap_err();
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
    }
}
