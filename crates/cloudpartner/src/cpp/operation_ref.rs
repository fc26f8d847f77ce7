//! Where to follow an operation: the `Location` (or `Operation-Location`) answered by
//! publish, go-live and cancel, made absolute, with the operation's id.

use std::fmt;

use percent_encoding::percent_decode_str;
use url::Url;

use crate::error::{Error, Result};

/// An operation to follow: its absolute URL and its id (the URL's last path segment).
///
/// The service answers in two forms, relative or absolute:
/// `/api/operations/{p}${o}${n}$preview?api-version=...` (offers never migrated) and
/// `/api/publishers/{p}/offers/{o}/operations/{guid}?api-version=...`.
///
/// ```
/// use cloudpartner::OperationRef;
/// let r = OperationRef::from_location(
///     "https://cloudpartner.azure.com",
///     "/api/publishers/contoso/offers/vm/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8?api-version=2017-10-31",
/// )?;
/// assert_eq!(r.id, "56615b67-2185-49fe-80d2-c4ddf77bb2e8");
/// assert_eq!(r.url, "https://cloudpartner.azure.com/api/publishers/contoso/offers/vm/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8?api-version=2017-10-31");
///
/// let legacy = OperationRef::from_location("https://cloudpartner.azure.com/",
///     "/api/operations/contoso$vm$2$preview?api-version=2017-10-31")?;
/// assert_eq!(legacy.id, "contoso$vm$2$preview");
/// # Ok::<(), cloudpartner::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OperationRef {
    /// The operation's absolute URL, query included (`api-version`), without fragment.
    pub url: String,
    /// The operation's id: the last path segment, percent-decoded.
    pub id: String,
}

impl OperationRef {
    /// Reads a `Location` value, relative to `base_url` (the client's base URL) or
    /// absolute. *invalid_argument* when the base URL is not an absolute http(s) URL,
    /// or the location is empty, not a URL, not http(s), or has no path segment to be
    /// the id. An absolute location on another origin is kept as it is: whoever fetches
    /// it decides whether to send a token there.
    pub fn from_location(base_url: &str, location: &str) -> Result<OperationRef> {
        let base = Url::parse(base_url.trim())
            .map_err(|e| Error::invalid_argument(format!("base URL `{base_url}`: {e}")))?;
        let location = location.trim();
        if location.is_empty() {
            return Err(Error::invalid_argument("the operation's location is empty"));
        }
        let mut url = base.join(location).map_err(|e| {
            Error::invalid_argument(format!("operation location `{location}`: {e}"))
        })?;
        if !matches!(url.scheme(), "https" | "http") {
            return Err(Error::invalid_argument(format!(
                "operation location `{location}` is not an http(s) URL"
            )));
        }
        url.set_fragment(None);
        let id = url
            .path_segments()
            .and_then(|mut segments| segments.rfind(|s| !s.is_empty()))
            .map(|segment| percent_decode_str(segment).decode_utf8_lossy().into_owned())
            .filter(|id| !id.is_empty())
            .ok_or_else(|| {
                Error::invalid_argument(format!(
                    "operation location `{location}` has no operation id in its path"
                ))
            })?;
        Ok(OperationRef {
            url: url.into(),
            id,
        })
    }
}

impl OperationRef {
    /// The publisher and offer the operation is about, read from its URL in either form
    /// (`…/publishers/{p}/offers/{o}/operations/{id}`, or `…/operations/{p}${o}${n}${slot}`
    /// with `$` perhaps as `%24`); `None` for a URL of neither form.
    ///
    /// ```
    /// use cloudpartner::OperationRef;
    /// let r = OperationRef::from_location("https://cloudpartner.azure.com",
    ///     "/api/operations/contoso%24vm-release%242%24preview?api-version=2017-10-31")?;
    /// assert_eq!(r.offer(), Some(("contoso".to_owned(), "vm-release".to_owned())));
    /// # Ok::<(), cloudpartner::Error>(())
    /// ```
    pub fn offer(&self) -> Option<(String, String)> {
        let url = Url::parse(&self.url).ok()?;
        let segments: Vec<String> = url
            .path_segments()?
            .filter(|s| !s.is_empty())
            .map(|s| percent_decode_str(s).decode_utf8_lossy().into_owned())
            .collect();
        let at = |name: &str| segments.iter().position(|s| s == name);
        if let (Some(p), Some(o), Some(op)) = (at("publishers"), at("offers"), at("operations")) {
            if o == p + 2 && op == o + 2 && segments.len() == op + 2 {
                return Some((segments[p + 1].clone(), segments[o + 1].clone()));
            }
        }
        let op = at("operations")?;
        let mut parts = segments.get(op + 1)?.split('$');
        match (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) {
            (Some(p), Some(o), Some(_), Some(_), None) if !p.is_empty() && !o.is_empty() => {
                Some((p.to_owned(), o.to_owned()))
            }
            _ => None,
        }
    }
}

impl fmt::Display for OperationRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "https://cloudpartner.azure.com";

    #[test]
    fn the_offer_comes_from_either_form() {
        let ids = |location: &str| r(BASE, location).offer();
        let contoso = Some(("contoso".to_owned(), "vm offer".to_owned()));
        assert_eq!(
            ids("/api/publishers/contoso/offers/vm%20offer/operations/5661?api-version=2017-10-31"),
            contoso
        );
        assert_eq!(ids("/api/operations/contoso$vm offer$2$preview"), contoso);
        assert_eq!(
            ids("/api/operations/contoso%24vm%20offer%242%24production"),
            contoso
        );
        assert_eq!(ids("/api/operations/5661"), None);
        assert_eq!(ids("/api/operations/a$b$c"), None);
        assert_eq!(ids("/elsewhere/5661"), None);
        assert_eq!(
            ids("/api/publishers/contoso/offers/vm/operations/x/extra"),
            None
        );
    }

    fn r(base: &str, location: &str) -> OperationRef {
        OperationRef::from_location(base, location).unwrap()
    }

    #[test]
    fn both_forms_relative_and_absolute() {
        let legacy = r(
            BASE,
            "/api/operations/contoso$vm-offer$2$preview?api-version=2017-10-31",
        );
        assert_eq!(legacy.id, "contoso$vm-offer$2$preview");
        assert_eq!(
            legacy.url,
            "https://cloudpartner.azure.com/api/operations/contoso$vm-offer$2$preview?api-version=2017-10-31"
        );
        let absolute = r(
            "http://127.0.0.1:8080/",
            "https://cloudpartner.azure.com/api/publishers/contoso/offers/vm/operations/abc?api-version=2017-10-31",
        );
        assert_eq!(absolute.id, "abc");
        assert!(absolute.url.starts_with("https://cloudpartner.azure.com/"));
        let local = r(
            "http://127.0.0.1:8080",
            "/api/publishers/p/offers/o/operations/g",
        );
        assert_eq!(
            local.url,
            "http://127.0.0.1:8080/api/publishers/p/offers/o/operations/g"
        );
        assert_eq!(local.to_string(), local.url);
    }

    #[test]
    fn ids_are_decoded_and_trailing_slashes_ignored() {
        assert_eq!(
            r(BASE, "/api/operations/contoso%24vm%242%24preview?x=1").id,
            "contoso$vm$2$preview"
        );
        assert_eq!(r(BASE, "/api/operations/a%20b/").id, "a b");
        assert_eq!(
            r(BASE, " /api/operations/g#frag ").url,
            "https://cloudpartner.azure.com/api/operations/g"
        );
    }

    #[test]
    fn bad_locations() {
        for (base, location) in [
            (BASE, ""),
            (BASE, "   "),
            (BASE, "/"),
            (BASE, "?api-version=1"),
            (BASE, "ftp://x/y"),
            ("not a url", "/api/operations/x"),
            ("", "/api/operations/x"),
        ] {
            let err = OperationRef::from_location(base, location).unwrap_err();
            assert_eq!(
                err.kind(),
                crate::ErrorKind::InvalidArgument,
                "{base:?} {location:?}"
            );
        }
    }
}
