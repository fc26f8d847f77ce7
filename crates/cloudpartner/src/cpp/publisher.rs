//! Publishers: `GET /api/publishers` → `[{id, version, definition: {displayText,
//! offerTypeCategories, sellerId}}]`.

use serde_json::Value;

use crate::document::json_document::{read_value, text, type_name};
use crate::error::{Error, Result};

/// A publisher account the identity may work on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Publisher {
    /// The publisher's id (`contoso`), as used in offer paths.
    pub id: String,
    /// Its display name (`definition.displayText`).
    pub display_text: String,
    /// Its seller id (`definition.sellerId`); empty when absent.
    pub seller_id: String,
}

/// Parses the list of publishers: a JSON array of objects. Fields read leniently
/// (missing ones are empty, a numeric seller id reads as text).
///
/// ```
/// let publishers = cloudpartner::parse_publishers(br#"[
///   {"id": "contoso", "version": 2, "definition": {"displayText": "Contoso",
///    "offerTypeCategories": ["vm"], "sellerId": 12345}}]"#)?;
/// assert_eq!(publishers[0].id, "contoso");
/// assert_eq!(publishers[0].display_text, "Contoso");
/// assert_eq!(publishers[0].seller_id, "12345");
/// # Ok::<(), cloudpartner::Error>(())
/// ```
pub fn parse_publishers(bytes: &[u8]) -> Result<Vec<Publisher>> {
    match read_value(bytes, "a JSON array of publishers")? {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Value::Object(_) => Ok(Publisher::from_value(item)),
                other => Err(Error::parse(format!(
                    "publishers[{i}]: expected a publisher (a JSON object), found {}",
                    type_name(other)
                ))),
            })
            .collect(),
        other => Err(Error::parse(format!(
            "expected a JSON array of publishers at the top level, found {}",
            type_name(&other)
        ))),
    }
}

impl Publisher {
    fn from_value(item: &Value) -> Publisher {
        let definition = item.get("definition").unwrap_or(&Value::Null);
        Publisher {
            id: text(item.get("id")),
            display_text: text(definition.get("displayText")),
            seller_id: text(definition.get("sellerId")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lenient_fields() {
        let list = parse_publishers(
            b"\xEF\xBB\xBF[{\"id\": \"a\"}, {\"id\": \"b\", \"definition\": null, \"extra\": 1},
               {\"definition\": {\"displayText\": \"C\", \"sellerId\": \"s-1\"}}]",
        )
        .unwrap();
        assert_eq!(
            list,
            [
                Publisher {
                    id: "a".into(),
                    ..Publisher::default()
                },
                Publisher {
                    id: "b".into(),
                    ..Publisher::default()
                },
                Publisher {
                    id: String::new(),
                    display_text: "C".into(),
                    seller_id: "s-1".into()
                },
            ]
        );
        assert!(parse_publishers(b"[]").unwrap().is_empty());
    }

    #[test]
    fn errors() {
        let err = parse_publishers(b"{}").unwrap_err();
        assert!(err.message().contains("found an object"), "{err}");
        let err = parse_publishers(b"[{}, null]").unwrap_err();
        assert!(err.message().contains("publishers[1]"), "{err}");
        let err = parse_publishers(b"[{\"id\": \n]").unwrap_err();
        assert_eq!((err.line(), err.column()), (Some(2), Some(1)), "{err}");
    }
}
