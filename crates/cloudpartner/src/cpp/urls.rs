//! The Cloud Partner Portal API's URLs: `/api/` paths with `api-version` last.

use percent_encoding::utf8_percent_encode;
use url::Url;

use crate::transport::url_rules::{SEGMENT, encode_path_segment};

/// The URL of an API resource: the base, `/api/`, then each segment percent-encoded,
/// then the query with the api-version last.
pub(crate) fn api_url(
    base: &Url,
    api_version: &str,
    segments: &[&str],
    query: &[(&str, &str)],
) -> String {
    let mut url = base.as_str().trim_end_matches('/').to_owned();
    url.push_str("/api");
    for segment in segments {
        url.push('/');
        url.push_str(&encode_path_segment(segment));
    }
    let mut separator = '?';
    for (name, value) in query.iter().copied().chain([("api-version", api_version)]) {
        url.push(separator);
        url.push_str(name);
        url.push('=');
        url.push_str(&utf8_percent_encode(value, SEGMENT).to_string());
        separator = '&';
    }
    url
}

/// The status URL for one offer.
pub(crate) fn status_url(base: &Url, api_version: &str, publisher: &str, offer: &str) -> String {
    format!(
        "{}/api/publishers/{}/offers/{}/status?api-version={}",
        base.as_str().trim_end_matches('/'),
        encode_path_segment(publisher),
        encode_path_segment(offer),
        utf8_percent_encode(api_version, SEGMENT)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_urls() {
        let base = Url::parse("https://cloudpartner.azure.com/").unwrap();
        assert_eq!(
            status_url(&base, "2017-10-31", "contoso", "a/b?c#d e%"),
            "https://cloudpartner.azure.com/api/publishers/contoso/offers/a%2Fb%3Fc%23d%20e%25/status?api-version=2017-10-31"
        );
    }
}
