//! The client of the Product Ingestion API: the shared transport asked for Graph
//! tokens, the base URL and `$version` of this API.

use std::fmt;
use std::sync::Arc;

use percent_encoding::utf8_percent_encode;
use url::Url;

use crate::auth::{CredentialSource, connect};
use crate::client_options::ClientOptions;
use crate::error::Result;
use crate::transport::url_rules::{SEGMENT, encode_path_segment};
use crate::transport::{ApiProfile, Transport};

/// The service's base URL.
pub const DEFAULT_BASE_URL: &str = "https://graph.microsoft.com/rp/product-ingestion";
/// The `$version` sent by default.
pub const DEFAULT_VERSION: &str = "2022-07-01";
/// The OAuth scope of the Product Ingestion API (a Microsoft Graph token).
pub const SCOPE: &str = "https://graph.microsoft.com/.default";

/// The Product Ingestion API on the shared transport.
pub static PROFILE: ApiProfile = ApiProfile {
    name: "Product Ingestion API",
    default_base_url: DEFAULT_BASE_URL,
    base_url_env: "CLOUDPARTNER_INGESTION_URL",
    version_parameter: "$version",
    default_version: DEFAULT_VERSION,
    scope: SCOPE,
    unauthorized_hint: "the token is missing, expired or not a Microsoft Graph token (https://graph.microsoft.com)",
    forbidden_hint: "is the app linked to the Partner Center account?",
    base_url_option: |options| options.ingestion_base_url.as_deref(),
    version_option: |options| options.ingestion_version.as_deref(),
};

/// A client of the Product Ingestion API. Cheap to clone.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> cloudpartner::Result<()> {
/// let client = cloudpartner::ingestion::Client::new(cloudpartner::ClientOptions {
///     token: Some("my-token".into()),
///     ..Default::default()
/// })?;
/// assert_eq!(client.base_url(), "https://graph.microsoft.com/rp/product-ingestion");
/// assert_eq!(client.version(), "2022-07-01");
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    transport: Transport,
    credential_source: CredentialSource,
}

impl Client {
    /// Checks `options` and builds the client: the same options, credential chain and
    /// transport as the Cloud Partner Portal client, with `ingestion_base_url`
    /// (`CLOUDPARTNER_INGESTION_URL`) and `ingestion_version`; tokens are asked for the
    /// Graph scope.
    pub fn new(options: ClientOptions) -> Result<Client> {
        let (transport, credential_source) = connect(&options, &PROFILE)?;
        Ok(Client {
            inner: Arc::new(Inner {
                transport,
                credential_source,
            }),
        })
    }

    /// The base URL, without a trailing slash.
    pub fn base_url(&self) -> &str {
        self.inner.transport.base().as_str().trim_end_matches('/')
    }

    /// The `$version` sent.
    pub fn version(&self) -> &str {
        self.inner.transport.version()
    }

    /// Where the client's credential came from.
    pub fn credential_source(&self) -> &CredentialSource {
        &self.inner.credential_source
    }

    /// Simulated seconds per real second of the server watched (1 for the service).
    pub fn poll_time_scale(&self) -> f64 {
        self.inner.transport.poll_time_scale()
    }

    pub(crate) fn transport(&self) -> &Transport {
        &self.inner.transport
    }

    /// The URL of `path` (slash-separated, each segment encoded) with `query` and
    /// `$version` last.
    pub(crate) fn url(&self, path: &str, query: &[(&str, &str)]) -> String {
        let mut url = self.base_url().to_owned();
        for segment in path.split('/').filter(|s| !s.is_empty()) {
            url.push('/');
            url.push_str(&encode_path_segment(segment));
        }
        let mut separator = '?';
        for (name, value) in query.iter().copied().chain([("$version", self.version())]) {
            url.push(separator);
            url.push_str(&utf8_percent_encode(name, SEGMENT).to_string());
            url.push('=');
            url.push_str(&utf8_percent_encode(value, SEGMENT).to_string());
            separator = '&';
        }
        url
    }

    /// A next-page link resolved against the base URL, on the same origin only.
    pub(crate) fn next_link(&self, link: &str) -> Result<String> {
        let base = self.inner.transport.base();
        let url = base
            .join(link)
            .map_err(|e| crate::Error::parse(format!("@nextLink `{link}`: {e}")))?;
        if !crate::transport::url_rules::same_origin(&url, base) {
            return Err(crate::Error::parse(format!(
                "@nextLink `{link}` leaves the API's origin"
            )));
        }
        Ok(with_version(url, self.version()))
    }
}

/// `url` with `$version` set (the link's own, if any, replaced).
fn with_version(mut url: Url, version: &str) -> String {
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| k != "$version")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    url.query_pairs_mut()
        .clear()
        .extend_pairs(pairs)
        .append_pair("$version", version);
    url.to_string()
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ingestion::Client")
            .field("base_url", &self.base_url())
            .field("version", &self.version())
            .field("credential", &self.inner.credential_source)
            .finish_non_exhaustive()
    }
}
