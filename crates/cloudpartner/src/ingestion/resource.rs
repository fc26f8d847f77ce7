//! A resource of the Product Ingestion API: the whole JSON object as the service sent
//! it, kept losslessly (every field, in order, numbers exact), with its id, `$schema`
//! and the type the schema names.

use std::fmt;

use serde_json::{Map, Value};

use crate::document::json_document::{read_exact_value, type_name};
use crate::document::sas::Redacted;
use crate::error::{Error, Result};

/// One resource (`product`, `plan`, `virtual-machine-plan-technical-configuration`,
/// `submission`, …). What `configure` sends is the resource as it is now, edits
/// included; `Debug` hides SAS signatures.
///
/// ```
/// use cloudpartner::ingestion::Resource;
/// let r = Resource::parse(br#"{"$schema": "https://schema.mp.microsoft.com/schema/plan/2022-03-01-preview2",
///   "id": "plan/11111111-1111-1111-1111-111111111111/22222222-2222-2222-2222-222222222222",
///   "identity": {"externalId": "standard"}, "x-new": 1.50}"#)?;
/// assert_eq!(r.resource_type(), "plan");
/// assert_eq!(r.external_id(), "standard");
/// assert!(r.to_json().ends_with(r#""x-new":1.5}"#));
/// # Ok::<(), cloudpartner::Error>(())
/// ```
#[derive(Clone, Default, PartialEq)]
pub struct Resource {
    document: Map<String, Value>,
}

impl Resource {
    /// Parses one resource: a JSON object (a *parse* error with line and column
    /// otherwise).
    pub fn parse(bytes: &[u8]) -> Result<Resource> {
        Resource::from_value(read_exact_value(bytes, "a resource (a JSON object)")?)
            .map_err(|e| Error::parse(e.message().to_owned()))
    }

    /// A resource from a JSON value, which must be an object (else *invalid_argument*).
    pub fn from_value(value: Value) -> Result<Resource> {
        match value {
            Value::Object(document) => Ok(Resource { document }),
            other => Err(Error::invalid_argument(format!(
                "a resource is a JSON object, not {}",
                type_name(&other)
            ))),
        }
    }

    /// A resource from an object already read.
    pub fn from_document(document: Map<String, Value>) -> Resource {
        Resource { document }
    }

    /// Its durable id (`plan/<guid>/<guid>`), or `""` when it has none yet.
    pub fn id(&self) -> &str {
        self.str("id")
    }

    /// Its `$schema` URI.
    pub fn schema(&self) -> &str {
        self.str("$schema")
    }

    /// The resource type its `$schema` names (`product`, `plan`,
    /// `virtual-machine-plan-technical-configuration`, …); from its id when the schema
    /// does not say.
    pub fn resource_type(&self) -> &str {
        type_of_schema(self.schema())
            .or_else(|| self.id().split('/').next().filter(|t| !t.is_empty()))
            .unwrap_or("")
    }

    /// `identity.externalId` (a product's offer id, a plan's plan id); `""` when absent.
    pub fn external_id(&self) -> &str {
        self.document
            .get("identity")
            .and_then(|i| i.get("externalId"))
            .and_then(Value::as_str)
            .unwrap_or("")
    }

    /// A top-level string field; `""` when absent or not a string.
    pub fn str(&self, key: &str) -> &str {
        self.document.get(key).and_then(Value::as_str).unwrap_or("")
    }

    /// The whole document.
    pub fn definition(&self) -> &Map<String, Value> {
        &self.document
    }

    /// The whole document, to edit.
    pub fn definition_mut(&mut self) -> &mut Map<String, Value> {
        &mut self.document
    }

    /// The document as a JSON value.
    pub fn to_value(&self) -> Value {
        Value::Object(self.document.clone())
    }

    /// The document as compact JSON, every field in order.
    pub fn to_json(&self) -> String {
        Value::Object(self.document.clone()).to_string()
    }

    /// The document, taken.
    pub fn into_document(self) -> Map<String, Value> {
        self.document
    }
}

impl fmt::Debug for Resource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Resource")
            .field("type", &self.resource_type())
            .field("id", &self.id())
            .field("document", &Redacted(&self.to_json()))
            .finish()
    }
}

/// The type in a schema URI: `https://<host>/schema/<type>/<version>` → `<type>`.
///
/// ```
/// use cloudpartner::ingestion::type_of_schema;
/// assert_eq!(type_of_schema("https://product-ingestion.azureedge.net/schema/submission/2022-03-01-preview2"), Some("submission"));
/// assert_eq!(type_of_schema("not a schema"), None);
/// ```
pub fn type_of_schema(schema: &str) -> Option<&str> {
    let (_, rest) = schema.split_once("/schema/")?;
    rest.split('/').next().filter(|t| !t.is_empty())
}

/// The schema URI of a resource type at a version.
pub(crate) fn schema_uri(resource_type: &str, version: &str) -> String {
    format!("https://schema.mp.microsoft.com/schema/{resource_type}/{version}")
}
