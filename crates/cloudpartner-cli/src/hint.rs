//! The hint printed under an error, where one helps.

use cloudpartner::{Error, ErrorKind};

use cloudpartner::credential::CredentialSource;

/// How to get a token by hand.
pub const GET_TOKEN: &str = "az account get-access-token --resource https://cloudpartner.azure.com --query accessToken -o tsv";

/// What the hint may mention: where the credential came from, the base URL in use.
#[derive(Debug, Clone, Copy)]
pub struct HintContext<'a> {
    /// The credential in use, when the command has one.
    pub credential: Option<&'a CredentialSource>,
    /// The base URL in use.
    pub base_url: &'a str,
}

/// Whether a 404 names the publisher or the offer as what is missing.
fn offer_is_missing(error: &Error) -> bool {
    error.kind() == ErrorKind::NotFound
        && matches!(
            error.api_code(),
            Some("PublisherNotFound" | "OfferNotFound")
        )
}

/// Whether a 404 is about something other than the publisher or the offer: a slot, a
/// version, an operation.
pub fn part_is_missing(error: &Error) -> bool {
    error.kind() == ErrorKind::NotFound && !offer_is_missing(error)
}

/// Whether the error is the service principal's token request failing (the credential
/// prefixes what it reports with its label).
fn token_request_failed(error: &Error, context: &HintContext<'_>) -> bool {
    matches!(
        context.credential,
        Some(source @ (CredentialSource::ClientSecret | CredentialSource::EnvironmentClientSecret))
            if error.message().starts_with(source.label())
    )
}

/// The hint for an error: how to get a token (401), who must add whom (403), which ids
/// to check (404), what to check when nothing answers (transport).
pub fn hint_for(error: &Error, context: &HintContext<'_>) -> Option<String> {
    let hint = match error.kind() {
        ErrorKind::Authentication => {
            let failed_credential = context
                .credential
                .filter(|source| error.message().starts_with(source.label()));
            match failed_credential {
                Some(
                    CredentialSource::ClientSecret | CredentialSource::EnvironmentClientSecret,
                ) => "check --tenant-id, --client-id and --client-secret (or AZURE_TENANT_ID, \
AZURE_CLIENT_ID, AZURE_CLIENT_SECRET) and --authority-host"
                    .to_owned(),
                Some(CredentialSource::AzureCli(_)) => {
                    "sign in with `az login`, then check that `az account get-access-token \
--resource https://cloudpartner.azure.com` works"
                        .to_owned()
                }
                _ => format!(
                    "get a token with `{GET_TOKEN}` and pass it with --token or \
CLOUDPARTNER_TOKEN, or use a service principal (--tenant-id, --client-id, --client-secret)"
                ),
            }
        }
        ErrorKind::PermissionDenied => "add the service principal (or your account) to the \
publisher account in Partner Center (Cloud Partner Portal: Settings > Users)"
            .to_owned(),
        ErrorKind::NotFound => "check the publisher and offer ids (the ids, not the display \
names, as in Partner Center)"
            .to_owned(),
        ErrorKind::Transport if token_request_failed(error, context) => {
            "the token request got no answer: check --authority-host (or AZURE_AUTHORITY_HOST; \
for the emulator, its URL) and the network connection"
                .to_owned()
        }
        ErrorKind::Transport => format!(
            "check --base-url (now {}) and the network connection",
            context.base_url
        ),
        ErrorKind::Timeout => {
            "the service did not answer in time: try again, or raise --timeout".to_owned()
        }
        ErrorKind::Throttled | ErrorKind::Server => {
            "the service is busy or failing: try again later (--max-retries retries more)"
                .to_owned()
        }
        ErrorKind::BadRequest if error.api_code() == Some("InvalidAPIVersion") => format!(
            "check --api-version (the default is {})",
            cloudpartner::DEFAULT_API_VERSION
        ),
        ErrorKind::Conflict => "the offer changed since it was read, or another operation is \
running: read the offer again and run the command again"
            .to_owned(),
        ErrorKind::TooLarge => {
            "the answer is larger than any offer status should be: check --base-url".to_owned()
        }
        _ => return None,
    };
    Some(hint)
}
