//! URL rules shared by every API: path segments, which hosts may be reached over plain
//! HTTP, and what counts as the same origin.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use url::{Host, Url};

use crate::error::{Error, Result};

/// Everything but RFC 3986's unreserved characters is encoded in a path segment.
pub(crate) const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Encodes `id` as one path segment: `a/b?c#d` → `a%2Fb%3Fc%23d`.
///
/// ```
/// assert_eq!(cloudpartner::encode_path_segment("a/b?c#d"), "a%2Fb%3Fc%23d");
/// assert_eq!(cloudpartner::encode_path_segment("my offer%"), "my%20offer%25");
/// ```
pub fn encode_path_segment(id: &str) -> String {
    utf8_percent_encode(id, SEGMENT).to_string()
}

/// True for `localhost` (and `*.localhost`), 127.0.0.0/8 and `::1`.
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Domain(d)) => {
            let d = d.to_ascii_lowercase();
            d == "localhost" || d.ends_with(".localhost")
        }
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// `https` anywhere; `http` to loopback hosts, or anywhere when allowed.
pub(crate) fn check_url_scheme(url: &Url, allow_http: bool, what: &str) -> Result<()> {
    match url.scheme() {
        "https" => Ok(()),
        "http" if allow_http || is_loopback(url) => Ok(()),
        "http" => Err(Error::invalid_argument(format!(
            "{what} `{url}` uses plain http to a host that is not loopback; use https, or allow http explicitly"
        ))),
        other => Err(Error::invalid_argument(format!(
            "{what} `{url}` has scheme `{other}`; expected https (or http to loopback)"
        ))),
    }
}

/// True when `a` and `b` have the same scheme, host and port.
pub(crate) fn same_origin(a: &Url, b: &Url) -> bool {
    a.scheme() == b.scheme()
        && a.host_str().map(str::to_ascii_lowercase) == b.host_str().map(str::to_ascii_lowercase)
        && a.port_or_known_default() == b.port_or_known_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts() {
        for (u, want) in [
            ("http://localhost:1", true),
            ("http://LOCALHOST", true),
            ("http://127.0.0.1", true),
            ("http://127.8.9.10", true),
            ("http://[::1]:80", true),
            ("http://10.0.0.1", false),
            ("http://example.com", false),
            ("http://localhost.example.com", false),
        ] {
            assert_eq!(is_loopback(&Url::parse(u).unwrap()), want, "{u}");
        }
    }

    #[test]
    fn schemes() {
        let u = |s| Url::parse(s).unwrap();
        assert!(check_url_scheme(&u("https://x.com"), false, "base URL").is_ok());
        assert!(check_url_scheme(&u("http://127.0.0.1:9"), false, "base URL").is_ok());
        assert!(check_url_scheme(&u("http://x.com"), false, "base URL").is_err());
        assert!(check_url_scheme(&u("http://x.com"), true, "base URL").is_ok());
        assert!(check_url_scheme(&u("ftp://x.com"), true, "base URL").is_err());
    }
}
