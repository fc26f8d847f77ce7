//! Pages of a list: `$maxpagesize` and an `@nextLink` (an absolute URL
//! whose `continuationToken` is plain alphanumerics, so that clients that
//! split and re-encode it, like cloudpub, follow it unharmed).

use serde_json::{Value, json};

use crate::ingestion::ingestion_call::query_value;
use crate::ingestion::wire_error::WireError;

/// One page of `values`: `{"value": [...], "@nextLink"?}`. `link` is the
/// list's absolute URL with its filters (no `?` when none), `query` the
/// request's query.
pub(crate) fn page(values: Vec<Value>, query: &str, link: &str) -> Result<Value, WireError> {
    let offset = match query_value(query, "continuationToken") {
        None => 0,
        Some(token) => token
            .strip_prefix('o')
            .and_then(|digits| digits.parse::<usize>().ok())
            .ok_or_else(|| {
                WireError::bad_request(format!("The continuationToken '{token}' is not valid."))
            })?,
    };
    let size = match query_value(query, "$maxpagesize") {
        None => None,
        Some(size) => Some(
            size.parse::<usize>()
                .ok()
                .filter(|size| *size > 0)
                .ok_or_else(|| {
                    WireError::bad_request(format!(
                        "$maxpagesize must be a positive whole number, not '{size}'."
                    ))
                })?,
        ),
    };
    let end = size.map_or(values.len(), |size| {
        offset.saturating_add(size).min(values.len())
    });
    let value: Vec<Value> = values.get(offset.min(end)..end).unwrap_or(&[]).to_vec();
    let mut document = json!({"value": value});
    if let Some(size) = size.filter(|_| end < values.len()) {
        let separator = if link.contains('?') { '&' } else { '?' };
        document["@nextLink"] = Value::from(format!(
            "{link}{separator}$maxpagesize={size}&continuationToken=o{end}"
        ));
    }
    Ok(document)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_follow_their_links() {
        let values: Vec<Value> = (0..5).map(Value::from).collect();
        let first = page(values.clone(), "%24maxpagesize=2", "http://h/product").unwrap();
        assert_eq!(first["value"], json!([0, 1]));
        assert_eq!(
            first["@nextLink"],
            "http://h/product?$maxpagesize=2&continuationToken=o2"
        );
        let last = page(values.clone(), "$maxPageSize=2&continuationtoken=o4", "l").unwrap();
        assert_eq!(last["value"], json!([4]));
        assert!(last.get("@nextLink").is_none());
        assert_eq!(
            page(values.clone(), "", "l").unwrap()["value"]
                .as_array()
                .unwrap()
                .len(),
            5
        );
        assert!(page(values.clone(), "continuationToken=x", "l").is_err());
        assert!(page(values, "$maxpagesize=0", "l").is_err());
    }
}
