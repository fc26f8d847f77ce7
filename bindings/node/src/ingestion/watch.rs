//! `NativeProductWatch`: the core's watch of a product's stage
//! ([`cloudpartner::ingestion::Client::watch_product`]), pulled one status at a time by
//! the JavaScript `Watch`.

use std::sync::Arc;

use cloudpartner::ingestion::ProductStatus;
use cloudpartner::poll::Watch;
use napi_derive::napi;

use super::values::NativeProductStatus;
use crate::error::to_napi;

/// A running watch of a product.
#[napi]
pub struct NativeProductWatch {
    inner: Arc<Watch<ProductStatus>>,
}

impl NativeProductWatch {
    pub(crate) fn new(watch: Watch<ProductStatus>) -> Self {
        NativeProductWatch {
            inner: Arc::new(watch),
        }
    }
}

#[napi]
impl NativeProductWatch {
    /// The next status that differs from the last one; `null` when the watch is over.
    #[napi]
    pub async fn next(&self) -> napi::Result<Option<NativeProductStatus>> {
        let watch = Arc::clone(&self.inner);
        match watch.next().await {
            Some(Ok(status)) => Ok(Some(status.into())),
            Some(Err(e)) => Err(to_napi(&e)),
            None => Ok(None),
        }
    }

    /// Ends the watch; idempotent.
    #[napi]
    pub fn close(&self) {
        self.inner.close();
    }
}
