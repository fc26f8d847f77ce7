//! `NativeResource`: the core's lossless [`Resource`] behind the JavaScript `Resource`
//! and `Product`. JavaScript edits the document as a plain object and hands it back as
//! JSON before the core reads it; what it left as it was keeps the document's own
//! numbers and key order ([`merge_edited`]), as `NativeOffer` does for a definition.

use cloudpartner::document::merge_edited;
use cloudpartner::ingestion::{Product, Resource};
use napi_derive::napi;
use serde_json::Value;

use crate::error::to_napi;

/// `edited` (JSON from JavaScript) laid over `old`: what JavaScript left keeps the
/// document's spelling. `what` names the value in the error.
pub fn merged_document(edited: &str, old: &Value, what: &str) -> napi::Result<Value> {
    let new: Value = serde_json::from_str(edited).map_err(|e| {
        to_napi(&cloudpartner::Error::invalid_argument(format!(
            "{what} is not JSON the service can read: {e}"
        )))
    })?;
    Ok(merge_edited(new, old))
}

/// A JSON value as text (a JSON value always serializes).
pub fn json_text(value: &Value) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| unreachable!("a JSON value always serializes"))
}

/// The shared spelling of a lenient enum: its wire spelling, or `unknown`.
pub fn known(wire: &str, is_unknown: bool) -> String {
    if is_unknown {
        "unknown".to_owned()
    } else {
        wire.to_owned()
    }
}

/// One resource, kept losslessly.
#[napi]
pub struct NativeResource {
    pub(crate) inner: Resource,
}

impl From<Resource> for NativeResource {
    fn from(inner: Resource) -> Self {
        NativeResource { inner }
    }
}

#[napi]
impl NativeResource {
    /// Its durable id (`""` when it has none yet).
    #[napi(getter)]
    pub fn id(&self) -> String {
        self.inner.id().to_owned()
    }

    /// Its `$schema`.
    #[napi(getter)]
    pub fn schema(&self) -> String {
        self.inner.schema().to_owned()
    }

    /// The resource type its `$schema` names.
    #[napi(getter)]
    pub fn resource_type(&self) -> String {
        self.inner.resource_type().to_owned()
    }

    /// `identity.externalId` (`""` when absent).
    #[napi(getter)]
    pub fn external_id(&self) -> String {
        self.inner.external_id().to_owned()
    }

    /// A product's `alias`.
    #[napi(getter)]
    pub fn alias(&self) -> String {
        self.inner.str("alias").to_owned()
    }

    /// A product's `type` (`azureVirtualMachine`).
    #[napi(getter)]
    pub fn product_type(&self) -> String {
        Product::from_resource(self.inner.clone())
            .product_type()
            .to_owned()
    }

    /// A product's lifecycle state (`generallyAvailable` when absent; `unknown`).
    #[napi(getter)]
    pub fn lifecycle_state(&self) -> String {
        let state = Product::from_resource(self.inner.clone()).lifecycle_state();
        known(state.as_wire(), state.is_unknown())
    }

    /// The document as JSON.
    #[napi]
    pub fn document(&self) -> String {
        json_text(&self.inner.to_value())
    }

    /// Lays the document JavaScript holds (JSON) over this one.
    #[napi]
    pub fn set_document(&mut self, json: String) -> napi::Result<()> {
        let merged = merged_document(&json, &self.inner.to_value(), "resource.definition")?;
        self.inner = Resource::from_value(merged).map_err(|e| to_napi(&e))?;
        Ok(())
    }

    /// The document as compact JSON, losslessly.
    #[napi]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }
}
