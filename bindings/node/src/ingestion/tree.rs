//! `NativeResourceTree`: the core's [`ResourceTree`] behind the JavaScript
//! `ResourceTree` (read-only: its resources are handed out as copies to edit).

use std::sync::Arc;

use cloudpartner::ingestion::ResourceTree;
use napi_derive::napi;

use super::resource::{NativeResource, known};
use super::technical_configuration::NativeTechnicalConfiguration;
use crate::error::to_napi;

/// A product's resource tree for one target.
#[napi]
pub struct NativeResourceTree {
    inner: Arc<ResourceTree>,
}

impl From<ResourceTree> for NativeResourceTree {
    fn from(tree: ResourceTree) -> Self {
        NativeResourceTree {
            inner: Arc::new(tree),
        }
    }
}

#[napi]
impl NativeResourceTree {
    /// The product's durable id.
    #[napi(getter)]
    pub fn root(&self) -> String {
        self.inner.root().to_owned()
    }

    /// `draft`, `preview`, `live` or `unknown`.
    #[napi(getter)]
    pub fn target(&self) -> String {
        let target = self.inner.target();
        known(target.as_wire(), target.is_unknown())
    }

    /// Every resource, in the order sent.
    #[napi]
    pub fn resources(&self) -> Vec<NativeResource> {
        self.inner
            .resources()
            .iter()
            .cloned()
            .map(Into::into)
            .collect()
    }

    /// The product resource.
    #[napi]
    pub fn product(&self) -> Option<NativeResource> {
        self.inner.product().map(|p| p.resource().clone().into())
    }

    /// The plan resources.
    #[napi]
    pub fn plans(&self) -> Vec<NativeResource> {
        self.inner
            .plans()
            .into_iter()
            .cloned()
            .map(Into::into)
            .collect()
    }

    /// The plans' ids, in order.
    #[napi]
    pub fn plan_ids(&self) -> Vec<String> {
        self.inner
            .plan_ids()
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// The tree's submission resource.
    #[napi]
    pub fn submission(&self) -> Option<NativeResource> {
        self.inner.submission().cloned().map(Into::into)
    }

    /// The technical configuration of a plan (its external id).
    #[napi]
    pub fn technical_configuration(
        &self,
        plan_id: String,
    ) -> napi::Result<NativeTechnicalConfiguration> {
        let config = self
            .inner
            .technical_configuration(&plan_id)
            .map_err(|e| to_napi(&e))?;
        Ok(NativeTechnicalConfiguration::new(
            config,
            Arc::clone(&self.inner),
        ))
    }

    /// The tree exactly as sent.
    #[napi]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }
}
