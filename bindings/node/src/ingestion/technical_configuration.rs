//! `NativeTechnicalConfiguration`: the core's [`TechnicalConfiguration`] of one plan
//! (with what the draft tree knows of the preview and live trees) behind the JavaScript
//! `TechnicalConfiguration`, and the image versions as plain objects.
//!
//! The core gives no mutable access to a technical configuration's resource outside
//! its image helpers; a document JavaScript edited by hand is laid into the tree it came
//! from, and the configuration taken from that tree again (a draft tree so rebuilt no
//! longer knows what is published: removing a version then asks to read the draft
//! again, the core's message).

use std::sync::Arc;

use cloudpartner::ingestion::{
    DataDisk, DeprecationSchedule, LifecycleState, ResourceTree, TechnicalConfiguration, VmImage,
    VmImageVersion,
};
use cloudpartner::whole_number;
use napi_derive::napi;
use serde_json::Value;

use super::resource::{json_text, known, merged_document};
use crate::error::to_napi;

/// A SKU of the plan.
#[napi(object, object_from_js = false)]
pub struct NativeSku {
    /// `x64Gen1`, `x64Gen2`, `arm64Gen2`.
    pub image_type: String,
    /// The SKU's id.
    pub sku_id: String,
}

/// A data disk (`{lun, uri}`).
#[napi(object)]
pub struct NativeIngestionDataDisk {
    /// 0 to 15.
    pub lun: f64,
    /// The VHD's URL.
    pub uri: String,
}

/// One image of a version.
#[napi(object)]
pub struct NativeIngestionImage {
    /// `x64Gen1`, `x64Gen2`, `arm64Gen2`.
    pub image_type: String,
    /// `sasUri` (default) or `sharedImageGallery`.
    pub source_type: Option<String>,
    /// The OS disk's URL.
    pub os_disk_uri: Option<String>,
    /// The data disks.
    pub data_disks: Option<Vec<NativeIngestionDataDisk>>,
    /// The gallery image's tenant.
    pub shared_image_tenant_id: Option<String>,
    /// The gallery image's resource id.
    pub shared_image_resource_id: Option<String>,
}

/// A deprecation schedule.
#[napi(object)]
pub struct NativeDeprecationSchedule {
    /// The date it takes effect.
    pub date: String,
    /// An ISO 8601 duration.
    pub date_offset: String,
    /// `criticalSecurityIssue`, `endOfSupport`, `other`.
    pub reason: String,
}

/// An image version (`vmImageVersions[]`).
#[napi(object)]
pub struct NativeIngestionImageVersion {
    /// `N.N.N`.
    pub version_number: String,
    /// `generallyAvailable`, `deprecated`, `deleted`, `unknown`; null when absent.
    pub lifecycle_state: Option<String>,
    /// One per image type.
    pub images: Vec<NativeIngestionImage>,
    /// When deprecated.
    pub deprecation_schedule: Option<NativeDeprecationSchedule>,
}

impl From<VmImageVersion> for NativeIngestionImageVersion {
    fn from(v: VmImageVersion) -> Self {
        NativeIngestionImageVersion {
            version_number: v.version_number,
            lifecycle_state: v
                .lifecycle_state
                .map(|s| known(s.as_wire(), s.is_unknown())),
            images: v
                .images
                .into_iter()
                .map(|i| NativeIngestionImage {
                    image_type: i.image_type,
                    source_type: Some(i.source_type),
                    os_disk_uri: Some(i.os_disk_uri),
                    data_disks: Some(
                        i.data_disks
                            .into_iter()
                            .map(|d| NativeIngestionDataDisk {
                                lun: f64::from(d.lun),
                                uri: d.uri,
                            })
                            .collect(),
                    ),
                    shared_image_tenant_id: Some(i.shared_image_tenant_id),
                    shared_image_resource_id: Some(i.shared_image_resource_id),
                })
                .collect(),
            deprecation_schedule: v.deprecation_schedule.map(|d| NativeDeprecationSchedule {
                date: d.date,
                date_offset: d.date_offset,
                reason: d.reason,
            }),
        }
    }
}

/// The core's data disks of `disks`, which JavaScript calls `name`.
pub fn data_disks(
    disks: Option<Vec<NativeIngestionDataDisk>>,
    name: &str,
) -> cloudpartner::Result<Vec<DataDisk>> {
    disks
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let lun = whole_number(&format!("{name}[{i}].lun"), d.lun, 0)?;
            Ok(DataDisk::new(lun, d.uri))
        })
        .collect()
}

impl TryFrom<NativeIngestionImageVersion> for VmImageVersion {
    type Error = cloudpartner::Error;

    fn try_from(v: NativeIngestionImageVersion) -> cloudpartner::Result<Self> {
        let mut images = Vec::new();
        for (i, image) in v.images.into_iter().enumerate() {
            images.push(VmImage {
                image_type: image.image_type,
                source_type: image.source_type.unwrap_or_default(),
                os_disk_uri: image.os_disk_uri.unwrap_or_default(),
                data_disks: data_disks(
                    image.data_disks,
                    &format!("version.images[{i}].dataDisks"),
                )?,
                shared_image_tenant_id: image.shared_image_tenant_id.unwrap_or_default(),
                shared_image_resource_id: image.shared_image_resource_id.unwrap_or_default(),
            });
        }
        let mut out = VmImageVersion::new(v.version_number, images);
        out.lifecycle_state = v.lifecycle_state.as_deref().map(LifecycleState::from_wire);
        out.deprecation_schedule = v.deprecation_schedule.map(|d| DeprecationSchedule {
            date: d.date,
            date_offset: d.date_offset,
            reason: d.reason,
        });
        Ok(out)
    }
}

/// The technical configuration of one plan, from a tree.
#[napi]
pub struct NativeTechnicalConfiguration {
    inner: TechnicalConfiguration,
    tree: Arc<ResourceTree>,
}

impl NativeTechnicalConfiguration {
    pub(crate) fn new(inner: TechnicalConfiguration, tree: Arc<ResourceTree>) -> Self {
        NativeTechnicalConfiguration { inner, tree }
    }

    fn document_json(&self) -> String {
        json_text(&self.inner.resource().to_value())
    }
}

fn napi<T>(result: cloudpartner::Result<T>) -> napi::Result<T> {
    result.map_err(|e| to_napi(&e))
}

#[napi]
impl NativeTechnicalConfiguration {
    /// The plan's id (its external id).
    #[napi(getter)]
    pub fn plan_id(&self) -> String {
        self.inner.plan_id().to_owned()
    }

    /// The durable id.
    #[napi(getter)]
    pub fn id(&self) -> String {
        self.inner.resource().id().to_owned()
    }

    /// The `$schema`.
    #[napi(getter)]
    pub fn schema(&self) -> String {
        self.inner.resource().schema().to_owned()
    }

    /// The resource type.
    #[napi(getter)]
    pub fn resource_type(&self) -> String {
        self.inner.resource().resource_type().to_owned()
    }

    /// The SKUs, in order.
    #[napi]
    pub fn skus(&self) -> Vec<NativeSku> {
        self.inner
            .skus()
            .into_iter()
            .map(|(image_type, sku_id)| NativeSku { image_type, sku_id })
            .collect()
    }

    /// The image types of the SKUs.
    #[napi]
    pub fn image_types(&self) -> Vec<String> {
        self.inner.image_types()
    }

    /// The image versions.
    #[napi]
    pub fn vm_image_versions(&self) -> Vec<NativeIngestionImageVersion> {
        self.inner
            .vm_image_versions()
            .into_iter()
            .map(Into::into)
            .collect()
    }

    /// The versions the preview and live trees hold; null when not known.
    #[napi]
    pub fn published_versions(&self) -> Option<Vec<String>> {
        self.inner
            .published_versions()
            .map(|set| set.iter().cloned().collect())
    }

    /// The document as JSON.
    #[napi]
    pub fn document(&self) -> String {
        self.document_json()
    }

    /// Lays the document JavaScript holds (JSON) over this one.
    #[napi]
    pub fn set_document(&mut self, json: String) -> napi::Result<()> {
        let old = self.inner.resource().to_value();
        let merged = merged_document(&json, &old, "technicalConfiguration.definition")?;
        if merged == old {
            return Ok(());
        }
        let id = self.inner.resource().id().to_owned();
        let mut document = self.tree.document().clone();
        if let Some(Value::Array(resources)) = document.get_mut("resources") {
            for r in resources.iter_mut() {
                if r.get("id").and_then(Value::as_str) == Some(id.as_str()) {
                    *r = merged.clone();
                }
            }
        }
        let tree = napi(ResourceTree::from_document(document))?;
        self.inner = napi(tree.technical_configuration(self.inner.plan_id()))?;
        self.tree = Arc::new(tree);
        Ok(())
    }

    /// Adds or replaces a version; gives the new document.
    #[napi]
    pub fn set_vm_image_version(
        &mut self,
        version: NativeIngestionImageVersion,
    ) -> napi::Result<String> {
        let version = napi(VmImageVersion::try_from(version))?;
        napi(self.inner.set_vm_image_version(&version))?;
        Ok(self.document_json())
    }

    /// Deprecates a version; gives the new document.
    #[napi]
    pub fn deprecate_vm_image_version(
        &mut self,
        version: String,
        reason: Option<String>,
        date_offset: Option<String>,
    ) -> napi::Result<String> {
        napi(self.inner.deprecate_vm_image_version(
            &version,
            reason.as_deref(),
            date_offset.as_deref(),
        ))?;
        Ok(self.document_json())
    }

    /// Restores a deprecated version; gives the new document.
    #[napi]
    pub fn restore_vm_image_version(&mut self, version: String) -> napi::Result<String> {
        napi(self.inner.restore_vm_image_version(&version))?;
        Ok(self.document_json())
    }

    /// Removes a version never published; gives it (the new document is `document()`).
    #[napi]
    pub fn remove_vm_image_version(
        &mut self,
        version: String,
    ) -> napi::Result<NativeIngestionImageVersion> {
        Ok(napi(self.inner.remove_vm_image_version(&version))?.into())
    }

    /// The document as compact JSON, losslessly.
    #[napi]
    pub fn to_json(&self) -> String {
        self.inner.resource().to_json()
    }
}
