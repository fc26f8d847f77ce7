//! Where publish, go-live and cancel point their `Location` and
//! `Operation-Location` headers, and reading the legacy form back.

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde::Deserialize;

use crate::http::request_checks::API_VERSION;

/// The form of the `Location` and `Operation-Location` headers that publish,
/// go-live and cancel answer with (scenario field `locationForm`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum LocationForm {
    /// `/api/publishers/{p}/offers/{o}/operations/{guid}?api-version=2017-10-31`
    /// (offers that were migrated; the default).
    #[default]
    Operations,
    /// `/api/operations/{p}${o}${n}${slot}?api-version=2017-10-31`, where `n`
    /// is the publishing version and `slot` `preview` (publish) or
    /// `production` (go-live) — offers that were never migrated.
    Legacy,
    /// The operations form as an absolute URL on the emulator,
    /// `http://127.0.0.1:PORT/api/publishers/…`.
    Absolute,
}

/// The characters escaped in an id used as one path segment (`$` too, the
/// separator of the legacy form).
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'$')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// Percent-encodes an id as one path segment.
pub(crate) fn segment(id: &str) -> String {
    utf8_percent_encode(id, SEGMENT).to_string()
}

/// What an operation's location names.
#[derive(Clone, Copy, Debug)]
pub(crate) struct OperationAddress<'a> {
    pub publisher: &'a str,
    pub offer: &'a str,
    pub operation_id: &'a str,
    pub publishing_version: u64,
    /// `preview` or `production`.
    pub slot: &'a str,
}

impl LocationForm {
    /// The location of an operation in this form; `base_url` is the
    /// emulator's, for the absolute form.
    pub(crate) fn location(self, address: OperationAddress<'_>, base_url: &str) -> String {
        let operations = format!(
            "/api/publishers/{}/offers/{}/operations/{}?api-version={API_VERSION}",
            segment(address.publisher),
            segment(address.offer),
            segment(address.operation_id)
        );
        match self {
            LocationForm::Operations => operations,
            LocationForm::Absolute => format!("{base_url}{operations}"),
            LocationForm::Legacy => format!(
                "/api/operations/{}${}${}${}?api-version={API_VERSION}",
                segment(address.publisher),
                segment(address.offer),
                address.publishing_version,
                address.slot
            ),
        }
    }
}

/// A legacy operation key `{p}${o}${n}${slot}` (decoded) split into its
/// publisher-and-offer part, publishing version and slot. Which `$` in the
/// first part separates the publisher from the offer is for the caller to
/// find out ([`publisher_offer_splits`]), since ids may contain `$`.
pub(crate) fn parse_legacy_key(key: &str) -> Option<(&str, u64, &str)> {
    let (rest, slot) = key.rsplit_once('$')?;
    let (ids, publishing_version) = rest.rsplit_once('$')?;
    let publishing_version = publishing_version.parse().ok()?;
    Some((ids, publishing_version, slot))
}

/// Every way to split `p$o` into a publisher and an offer id.
pub(crate) fn publisher_offer_splits(ids: &str) -> impl Iterator<Item = (&str, &str)> {
    ids.match_indices('$')
        .map(move |(index, _)| (&ids[..index], &ids[index + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ADDRESS: OperationAddress<'static> = OperationAddress {
        publisher: "contoso",
        offer: "vm release",
        operation_id: "0b3f",
        publishing_version: 3,
        slot: "preview",
    };

    #[test]
    fn each_form_names_the_operation() {
        assert_eq!(
            LocationForm::Operations.location(ADDRESS, "http://127.0.0.1:1"),
            "/api/publishers/contoso/offers/vm%20release/operations/0b3f?api-version=2017-10-31"
        );
        assert_eq!(
            LocationForm::Absolute.location(ADDRESS, "http://127.0.0.1:1"),
            "http://127.0.0.1:1/api/publishers/contoso/offers/vm%20release/operations/0b3f?api-version=2017-10-31"
        );
        assert_eq!(
            LocationForm::Legacy.location(ADDRESS, "http://127.0.0.1:1"),
            "/api/operations/contoso$vm%20release$3$preview?api-version=2017-10-31"
        );
    }

    #[test]
    fn legacy_keys_split_from_the_right() {
        assert_eq!(
            parse_legacy_key("a$b$c$12$preview"),
            Some(("a$b$c", 12, "preview"))
        );
        assert_eq!(parse_legacy_key("a$b$x$preview"), None);
        assert_eq!(parse_legacy_key("preview"), None);
        let splits: Vec<_> = publisher_offer_splits("a$b$c").collect();
        assert_eq!(splits, [("a", "b$c"), ("a$b", "c")]);
    }
}
