//! `NativeOffer`: the core's lossless [`Offer`] behind the JavaScript `Offer`.
//!
//! JavaScript edits the definition as a plain object; before the core reads the offer
//! (to write it, to run an image helper, for `toJson()`), the JavaScript layer hands
//! the object back as JSON and [`NativeOffer::set_definition`] lays it over the
//! document. A JavaScript object cannot hold everything a JSON document can — its
//! numbers are doubles (no `18446744073709551615`, no `1.0` apart from `1`) and it puts
//! integer-like keys first — so what JavaScript left as it was keeps the document's own
//! number and key order ([`merge_edited`]); what it changed is taken as it is now.

use cloudpartner::document::merge_edited;
use cloudpartner::{DataDisk, Offer, VmImageVersion};
use napi_derive::napi;
use serde_json::Value;

use crate::error::to_napi;
use cloudpartner::whole_number;

/// A data disk of an image version (`{lun, vhdUrl}`); `lun` a whole number.
#[napi(object)]
pub struct NativeDataDisk {
    /// The logical unit number.
    pub lun: f64,
    /// The disk's VHD URL.
    pub vhd_url: String,
}

/// An image version (the core's `VmImageVersion`): every field given when the addon
/// returns one; absent fields take the core's defaults when JavaScript passes one.
#[napi(object)]
pub struct NativeVmImage {
    /// Dot-separated integers (`1.0.0`).
    pub version: String,
    /// The OS disk's VHD URL.
    pub os_vhd_url: String,
    /// The label.
    pub label: Option<String>,
    /// The media name.
    pub media_name: Option<String>,
    /// The description.
    pub description: Option<String>,
    /// `MM/DD/YYYY` or empty.
    pub published_date: Option<String>,
    /// False for a deprecated version.
    pub show_in_gui: Option<bool>,
    /// The data disks.
    pub data_disks: Option<Vec<NativeDataDisk>>,
}

impl From<VmImageVersion> for NativeVmImage {
    fn from(image: VmImageVersion) -> Self {
        NativeVmImage {
            version: image.version,
            os_vhd_url: image.os_vhd_url,
            label: Some(image.label),
            media_name: Some(image.media_name),
            description: Some(image.description),
            published_date: Some(image.published_date),
            show_in_gui: Some(image.show_in_gui),
            data_disks: Some(
                image
                    .data_disks
                    .into_iter()
                    .map(|d| NativeDataDisk {
                        lun: f64::from(d.lun),
                        vhd_url: d.vhd_url,
                    })
                    .collect(),
            ),
        }
    }
}

impl TryFrom<NativeVmImage> for VmImageVersion {
    type Error = cloudpartner::Error;

    fn try_from(image: NativeVmImage) -> cloudpartner::Result<Self> {
        vm_image_version(image, "image")
    }
}

/// The core's image version of `image`, which JavaScript calls `name` (for the errors).
pub fn vm_image_version(image: NativeVmImage, name: &str) -> cloudpartner::Result<VmImageVersion> {
    let mut out = VmImageVersion::new(image.version, image.os_vhd_url);
    out.label = image.label.unwrap_or_default();
    out.media_name = image.media_name.unwrap_or_default();
    out.description = image.description.unwrap_or_default();
    out.published_date = image.published_date.unwrap_or_default();
    out.show_in_gui = image.show_in_gui.unwrap_or(true);
    for (i, disk) in image.data_disks.unwrap_or_default().into_iter().enumerate() {
        let lun = whole_number(&format!("{name}.dataDisks[{i}].lun"), disk.lun, 0)?;
        out.data_disks.push(DataDisk::new(lun, disk.vhd_url));
    }
    Ok(out)
}

/// What `removeVmImageVersion` gives: the removed version and the new definition.
#[napi(object)]
pub struct NativeRemoved {
    /// The version removed.
    pub image: NativeVmImage,
    /// The definition after the removal, as JSON.
    pub definition: String,
}

/// An offer document, kept losslessly.
#[napi]
pub struct NativeOffer {
    inner: Offer,
}

impl From<Offer> for NativeOffer {
    fn from(inner: Offer) -> Self {
        NativeOffer { inner }
    }
}

impl NativeOffer {
    /// The core's offer.
    pub fn offer(&self) -> &Offer {
        &self.inner
    }

    fn definition_json(&self) -> String {
        serde_json::to_string(self.inner.definition())
            .unwrap_or_else(|_| unreachable!("a JSON value always serializes"))
    }
}

#[napi]
impl NativeOffer {
    /// `id`.
    #[napi(getter)]
    pub fn id(&self) -> String {
        self.inner.id().to_owned()
    }

    /// `publisherId`.
    #[napi(getter)]
    pub fn publisher_id(&self) -> String {
        self.inner.publisher_id().to_owned()
    }

    /// `offerTypeId`.
    #[napi(getter)]
    pub fn offer_type_id(&self) -> String {
        self.inner.offer_type_id().to_owned()
    }

    /// `status`, as sent.
    #[napi(getter)]
    pub fn status(&self) -> String {
        self.inner.status().to_owned()
    }

    /// `version` (0 when absent).
    #[napi(getter)]
    pub fn version(&self) -> i64 {
        self.inner.version()
    }

    /// `changedTime` in milliseconds since the epoch; null when absent or unreadable.
    #[napi(getter)]
    pub fn changed_time(&self) -> Option<f64> {
        self.inner
            .changed_time()
            .map(|t| t.timestamp_millis() as f64)
    }

    /// The ETag the offer came with; null when the service sent none.
    #[napi(getter)]
    pub fn etag(&self) -> Option<String> {
        self.inner.etag().map(str::to_owned)
    }

    /// The definition as JSON; null when the document has none.
    #[napi]
    pub fn definition(&self) -> Option<String> {
        self.inner
            .document()
            .contains_key("definition")
            .then(|| self.definition_json())
    }

    /// Lays the definition JavaScript holds (as JSON) over the document: what it left
    /// as it was keeps the document's numbers and key order. Null: the document has
    /// no definition.
    #[napi]
    pub fn set_definition(&mut self, json: Option<String>) -> napi::Result<()> {
        let Some(json) = json else {
            self.inner.document_mut().shift_remove("definition");
            return Ok(());
        };
        let new: Value = serde_json::from_str(&json).map_err(|e| {
            to_napi(&cloudpartner::Error::invalid_argument(format!(
                "offer.definition is not JSON the service can read: {e}"
            )))
        })?;
        let document = self.inner.document_mut();
        let merged = match document.get("definition") {
            Some(old) => merge_edited(new, old),
            None => new,
        };
        document.insert("definition".to_owned(), merged);
        Ok(())
    }

    /// The document as compact JSON, losslessly (what a write sends).
    #[napi]
    pub fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The plans and disk generations, in document order.
    #[napi]
    pub fn plan_ids(&self) -> Vec<String> {
        self.inner
            .plan_ids()
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// The image versions of a plan, sorted by version.
    #[napi]
    pub fn vm_image_versions(&self, plan_id: String) -> napi::Result<Vec<NativeVmImage>> {
        self.inner
            .vm_image_versions(&plan_id)
            .map(|list| list.into_iter().map(NativeVmImage::from).collect())
            .map_err(|e| to_napi(&e))
    }

    /// Adds or replaces an image version; gives the new definition as JSON.
    #[napi]
    pub fn set_vm_image_version(
        &mut self,
        plan_id: String,
        image: NativeVmImage,
    ) -> napi::Result<String> {
        let image = VmImageVersion::try_from(image).map_err(|e| to_napi(&e))?;
        self.inner
            .set_vm_image_version(&plan_id, &image)
            .map_err(|e| to_napi(&e))?;
        Ok(self.definition_json())
    }

    /// Removes an image version; gives it and the new definition.
    #[napi]
    pub fn remove_vm_image_version(
        &mut self,
        plan_id: String,
        version: String,
        force: Option<bool>,
    ) -> napi::Result<NativeRemoved> {
        let removed = self
            .inner
            .remove_vm_image_version(&plan_id, &version, force.unwrap_or(false))
            .map_err(|e| to_napi(&e))?;
        Ok(NativeRemoved {
            image: removed.into(),
            definition: self.definition_json(),
        })
    }

    /// Deprecates an image version (`showInGui: false`); gives the new definition.
    #[napi]
    pub fn deprecate_vm_image_version(
        &mut self,
        plan_id: String,
        version: String,
    ) -> napi::Result<String> {
        self.inner
            .deprecate_vm_image_version(&plan_id, &version)
            .map_err(|e| to_napi(&e))?;
        Ok(self.definition_json())
    }
}
