//! The Product Ingestion client the `product` commands talk through, built from the
//! global flags like the Cloud Partner Portal's, and the failures of its errors with
//! hints in the Product Ingestion API's terms.

use std::time::Duration;

use cloudpartner::ingestion::Client;
use cloudpartner::{Environment, ErrorKind};

use crate::args::GlobalArgs;
use crate::connection::client_options;
use crate::failure::Failure;
use crate::hint::HintContext;

/// How to get a Microsoft Graph token by hand.
pub const GET_GRAPH_TOKEN: &str =
    "az account get-access-token --resource https://graph.microsoft.com --query accessToken -o tsv";

/// A Product Ingestion client, with what error reports need to know about it.
#[derive(Debug, Clone)]
pub struct IngestionConnection {
    /// The client.
    pub client: Client,
    /// The base URL in use.
    pub base_url: String,
}

impl IngestionConnection {
    /// Builds the client; `request_timeout` overrides `--timeout` (for commands where
    /// `--timeout` bounds a wait).
    pub fn open(
        global: &GlobalArgs,
        request_timeout: Option<Duration>,
    ) -> Result<IngestionConnection, Failure> {
        let env = Environment::process();
        let options = client_options(global, request_timeout, &env)?;
        let client = Client::new(options).map_err(|e| match e.kind() {
            ErrorKind::Authentication => Failure::error(format!(
                "{e}; on the command line: --token, or --tenant-id, --client-id and --client-secret"
            ))
            .with_hint(format!(
                "with the Azure CLI elsewhere, `{GET_GRAPH_TOKEN}` prints a token"
            )),
            _ => Failure::usage(e.to_string()).with_hint(
                "check --ingestion-url (or CLOUDPARTNER_INGESTION_URL): an https:// URL, \
or http:// to 127.0.0.1",
            ),
        })?;
        log::info!(
            "Product Ingestion API: {} ($version {}), credential: {}",
            client.base_url(),
            client.version(),
            client.credential_source()
        );
        Ok(IngestionConnection {
            base_url: client.base_url().to_owned(),
            client,
        })
    }

    /// The failure for an error of this connection, about `subject` (an offer id, a job
    /// id) when given, with a hint naming the next command.
    pub fn failure(&self, error: &cloudpartner::Error, subject: Option<&str>) -> Failure {
        let context = HintContext {
            credential: Some(self.client.credential_source()),
            base_url: &self.base_url,
        };
        let failure = Failure::from_api(error, subject, &context);
        let hint = match error.kind() {
            ErrorKind::NotFound => {
                Some("list the products with `cloudpartner product list` (offer ids, as in Partner Center)".to_owned())
            }
            ErrorKind::Conflict => Some(match subject {
                Some(offer) => format!(
                    "see where it stands: `cloudpartner product status {offer}`, and wait with `cloudpartner product watch {offer}`"
                ),
                None => "see where the product stands: `cloudpartner product status OFFER`".to_owned(),
            }),
            ErrorKind::Transport => Some(format!(
                "check --ingestion-url (now {}) and the network connection",
                self.base_url
            )),
            ErrorKind::Authentication => Some(format!(
                "the Product Ingestion API takes a Microsoft Graph token: `{GET_GRAPH_TOKEN}`"
            )),
            ErrorKind::InvalidArgument => {
                return Failure::error(failure.message)
                    .with_exit(crate::exit_code::Exit::Usage)
                    .with_hint(match subject {
                        Some(offer) => format!(
                            "the plans and versions: `cloudpartner product image list {offer}`"
                        ),
                        None => "see `cloudpartner product --help`".to_owned(),
                    });
            }
            _ => None,
        };
        match hint {
            Some(hint) => failure.with_hint(hint),
            None => failure,
        }
    }
}
