//! A page of a list, and the link to the next one.

use serde_json::Value;

use super::resource::Resource;
use crate::document::json_document::{read_exact_value, type_name};
use crate::error::{Error, Result};

/// One page of a list (`GET product`, `GET plan`): its resources and the link to the
/// next page.
#[derive(Debug, Clone, PartialEq)]
pub struct ResourcePage {
    /// The resources of this page.
    pub resources: Vec<Resource>,
    /// `@nextLink`, when there are more.
    pub next_link: Option<String>,
}

/// Parses a page `{"value": [...], "@nextLink": ...}`.
///
/// ```
/// let page = cloudpartner::ingestion::parse_page(br#"{"value": [{"id": "product/p"}], "@nextLink": "product?continuationToken=c2"}"#)?;
/// assert_eq!(page.resources[0].id(), "product/p");
/// assert_eq!(page.next_link.as_deref(), Some("product?continuationToken=c2"));
/// # Ok::<(), cloudpartner::Error>(())
/// ```
pub fn parse_page(bytes: &[u8]) -> Result<ResourcePage> {
    let value = read_exact_value(bytes, "a page (a JSON object)")?;
    let Value::Object(mut page) = value else {
        return Err(Error::parse(format!(
            "expected a page (a JSON object with `value`), found {}",
            type_name(&value)
        )));
    };
    let items = match page.remove("value") {
        Some(Value::Array(items)) => items,
        None | Some(Value::Null) => Vec::new(),
        Some(other) => {
            return Err(Error::parse(format!(
                "value: expected a list, found {}",
                type_name(&other)
            )));
        }
    };
    let resources = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            Resource::from_value(item).map_err(|e| Error::parse(format!("value[{i}]: {e}")))
        })
        .collect::<Result<_>>()?;
    let next = match page.get("@nextLink") {
        Some(Value::String(link)) if !link.trim().is_empty() => Some(link.clone()),
        _ => None,
    };
    Ok(ResourcePage {
        resources,
        next_link: next,
    })
}
