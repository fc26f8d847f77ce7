//! The publisher and offer lists: `GET /api/publishers` and
//! `GET /api/publishers/{p}/offers`.

use serde_json::{Map, Value};

use crate::cpp::offer_document::Document;
use crate::cpp::offer_store::OfferStore;
use crate::http::error_response::ApiError;
use crate::lock::lock;

/// A stable, made-up seller id for a publisher.
fn seller_id(publisher: &str) -> u64 {
    let hash = publisher
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
        });
    10_000 + hash % 90_000
}

/// The display text of a publisher: its id with its first letter capitalized.
fn publisher_display_text(publisher: &str) -> String {
    let mut characters = publisher.chars();
    characters
        .next()
        .map(|first| first.to_uppercase().chain(characters).collect())
        .unwrap_or_default()
}

/// The summary of an offer document in offer lists: the document with a
/// definition reduced to its `displayText`.
fn summary(document: &Document) -> Value {
    let mut summary = document.clone();
    if let Some(definition) = summary.get_mut("definition") {
        let display_text = definition.get("displayText").cloned();
        let mut reduced = Map::new();
        if let Some(display_text) = display_text {
            reduced.insert(String::from("displayText"), display_text);
        }
        *definition = Value::Object(reduced);
    }
    Value::Object(summary)
}

impl OfferStore {
    /// `GET /api/publishers`.
    pub fn publishers_json(&self) -> Value {
        let publishers = lock(&self.publishers);
        Value::Array(
            publishers
                .keys()
                .map(|publisher| {
                    serde_json::json!({
                        "id": publisher,
                        "version": 1,
                        "definition": {
                            "displayText": publisher_display_text(publisher),
                            "offerTypeCategories": ["vm"],
                            "sellerId": seller_id(publisher),
                        },
                    })
                })
                .collect(),
        )
    }

    /// `GET /api/publishers/{p}/offers`: the summaries of the offers that
    /// have documents, by offer id.
    pub fn offers_json(&self, publisher: &str) -> Result<Value, ApiError> {
        let publishers = lock(&self.publishers);
        let offers = publishers
            .get(publisher)
            .ok_or_else(|| ApiError::publisher_not_found(publisher))?;
        Ok(Value::Array(
            offers
                .values()
                .filter_map(|state| state.documents.as_ref())
                .map(|documents| summary(documents.draft()))
                .collect(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_keep_only_the_display_text() {
        let document = match serde_json::json!({"id": "o", "definition": {"displayText": "O", "plans": []}, "z": 1})
        {
            Value::Object(document) => document,
            _ => unreachable!(),
        };
        assert_eq!(
            summary(&document).to_string(),
            r#"{"id":"o","definition":{"displayText":"O"},"z":1}"#
        );
    }

    #[test]
    fn seller_ids_are_stable_five_digit_numbers() {
        assert_eq!(seller_id("contoso"), seller_id("contoso"));
        assert!((10_000..100_000).contains(&seller_id("contoso")));
        assert_eq!(publisher_display_text("contoso"), "Contoso");
    }
}
