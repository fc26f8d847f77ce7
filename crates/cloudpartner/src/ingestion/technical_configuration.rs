//! A plan's VM technical configuration, and the image helpers that edit its
//! `vmImageVersions` under the full-state rule: the list sent is the whole list, so
//! every version and deprecation schedule the service holds is kept unless the helper
//! is asked to change that one version.

use std::collections::BTreeSet;
use std::fmt;

use serde_json::{Map, Value, json};

use super::resource::Resource;
use super::states::LifecycleState;
use super::vm_image_version::{DataDisk, VmImage, VmImageVersion, check_version_number};
use crate::error::{Error, Result};

/// The two resource types of a VM plan's technical configuration.
pub const TECHNICAL_CONFIGURATION_TYPES: [&str; 2] = [
    "virtual-machine-plan-technical-configuration",
    "core-virtual-machine-plan-technical-configuration",
];

/// A `virtual-machine-plan-technical-configuration` resource.
#[derive(Clone, PartialEq)]
pub struct TechnicalConfiguration {
    resource: Resource,
    plan_external_id: String,
    /// The versions the preview or live trees hold, when known.
    published: Option<BTreeSet<String>>,
}

impl TechnicalConfiguration {
    /// A configuration from its parts: the resource, the plan's external id, and the
    /// versions the preview or live trees hold (`None` when unknown). Trees make them
    /// ([`super::ResourceTree::technical_configuration`]); a binding rebuilding a
    /// pickled or copied one uses this.
    pub fn new(
        resource: Resource,
        plan_external_id: String,
        published: Option<BTreeSet<String>>,
    ) -> TechnicalConfiguration {
        TechnicalConfiguration {
            resource,
            plan_external_id,
            published,
        }
    }

    /// The plan's id (its external id, `standard`).
    pub fn plan_id(&self) -> &str {
        &self.plan_external_id
    }

    /// The SKUs as `(image type, SKU id)`, in order.
    pub fn skus(&self) -> Vec<(String, String)> {
        self.resource
            .definition()
            .get("skus")
            .and_then(Value::as_array)
            .map(|skus| {
                skus.iter()
                    .map(|s| {
                        let text = |k| s.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
                        (text("imageType"), text("skuId"))
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The image types of the plan's SKUs (`x64Gen1`, `x64Gen2`, `arm64Gen2`).
    pub fn image_types(&self) -> Vec<String> {
        self.skus().into_iter().map(|(t, _)| t).collect()
    }

    /// Every image version, in document order.
    pub fn vm_image_versions(&self) -> Vec<VmImageVersion> {
        self.entries()
            .map(|list| list.iter().map(VmImageVersion::from_value).collect())
            .unwrap_or_default()
    }

    /// The versions published to preview or live, when the configuration was read
    /// through a client (`None` when unknown).
    pub fn published_versions(&self) -> Option<&BTreeSet<String>> {
        self.published.as_ref()
    }

    /// Adds `version`, or replaces the version with the same number (its other fields,
    /// the deprecation schedule included, stay). Each image's type must be one of the
    /// plan's SKUs'; URLs must be https; LUNs 0..15. Every other version stays as it is.
    pub fn set_vm_image_version(&mut self, version: &VmImageVersion) -> Result<()> {
        version.validate()?;
        let types = self.image_types();
        for image in &version.images {
            if !types.is_empty() && !types.contains(&image.image_type) {
                return Err(Error::invalid_argument(format!(
                    "plan {} has no SKU of image type {} (its SKUs: {})",
                    self.plan_external_id,
                    image.image_type,
                    types.join(", ")
                )));
            }
        }
        let list = self.entries_mut();
        match list.iter_mut().find(|e| {
            e.get("versionNumber").and_then(Value::as_str) == Some(&version.version_number)
        }) {
            Some(Value::Object(entry)) => version.write_into(entry),
            _ => {
                let mut entry = Map::new();
                version.write_into(&mut entry);
                list.push(Value::Object(entry));
            }
        }
        Ok(())
    }

    /// Deprecates a version: `lifecycleState` `deprecated`, with a deprecation schedule
    /// when a reason (`criticalSecurityIssue`, `endOfSupport`, `other`) or a date offset
    /// (`P90D`) is given.
    pub fn deprecate_vm_image_version(
        &mut self,
        version: &str,
        reason: Option<&str>,
        date_offset: Option<&str>,
    ) -> Result<()> {
        if let Some(reason) = reason {
            const REASONS: [&str; 3] = ["criticalSecurityIssue", "endOfSupport", "other"];
            if !REASONS.contains(&reason) {
                return Err(Error::invalid_argument(format!(
                    "deprecation reason `{reason}`: expected one of {}",
                    REASONS.join(", ")
                )));
            }
        }
        let entry = self.entry_mut(version)?;
        entry.insert(
            "lifecycleState".into(),
            LifecycleState::Deprecated.as_wire().into(),
        );
        if reason.is_some() || date_offset.is_some() {
            let schedule = entry
                .entry("deprecationSchedule")
                .or_insert_with(|| json!({}));
            if let Value::Object(schedule) = schedule {
                if let Some(reason) = reason {
                    schedule.insert("reason".into(), reason.into());
                }
                if let Some(offset) = date_offset {
                    schedule.insert("dateOffset".into(), offset.into());
                }
            }
        }
        Ok(())
    }

    /// Restores a version: `lifecycleState` `generallyAvailable`, no deprecation
    /// schedule.
    pub fn restore_vm_image_version(&mut self, version: &str) -> Result<()> {
        let entry = self.entry_mut(version)?;
        entry.insert(
            "lifecycleState".into(),
            LifecycleState::GenerallyAvailable.as_wire().into(),
        );
        entry.remove("deprecationSchedule");
        Ok(())
    }

    /// Removes a version that was never published. A published version cannot be
    /// removed (the list is full-state: leaving it out asks the service to delete it,
    /// which it refuses): deprecate it instead.
    pub fn remove_vm_image_version(&mut self, version: &str) -> Result<VmImageVersion> {
        self.entry_mut(version)?;
        match &self.published {
            Some(published) if published.contains(version) => {
                return Err(Error::invalid_argument(format!(
                    "image version {version} of plan {} is published: the image list is \
                     full-state and a published version cannot be deleted; deprecate it instead",
                    self.plan_external_id
                )));
            }
            Some(_) => {}
            None => {
                return Err(Error::invalid_argument(format!(
                    "cannot tell whether image version {version} of plan {} was published: \
                     read the draft through a client (it knows the preview and live trees)",
                    self.plan_external_id
                )));
            }
        }
        let list = self.entries_mut();
        let at = list
            .iter()
            .position(|e| e.get("versionNumber").and_then(Value::as_str) == Some(version))
            .unwrap_or_else(|| unreachable!("entry_mut found it"));
        Ok(VmImageVersion::from_value(&list.remove(at)))
    }

    /// A version of this plan with one image per image type of its SKUs (an `x64Gen2`
    /// SKU gets `gen2_os_disk_uri` when given), every image with the same data disks:
    /// what a release adds.
    ///
    /// ```
    /// let tree = cloudpartner::ingestion::parse_resource_tree(br#"{"resources": [
    ///   {"id": "plan/p/a", "$schema": "https://schema.mp.microsoft.com/schema/plan/2022-03-01-preview2",
    ///    "identity": {"externalId": "standard"}},
    ///   {"id": "virtual-machine-plan-technical-configuration/p/a", "plan": "plan/p/a",
    ///    "$schema": "https://schema.mp.microsoft.com/schema/virtual-machine-plan-technical-configuration/2022-03-01-preview2",
    ///    "skus": [{"imageType": "x64Gen1", "skuId": "s"}, {"imageType": "x64Gen2", "skuId": "s2"}]}]}"#)?;
    /// let config = tree.technical_configuration("standard")?;
    /// let version = config.image_version_for("2.0.0", "https://x/os.vhd", Some("https://x/gen2.vhd"), &[]);
    /// assert_eq!(version.images[1].os_disk_uri, "https://x/gen2.vhd");
    /// # Ok::<(), cloudpartner::Error>(())
    /// ```
    pub fn image_version_for(
        &self,
        version: &str,
        os_disk_uri: &str,
        gen2_os_disk_uri: Option<&str>,
        data_disks: &[DataDisk],
    ) -> VmImageVersion {
        let mut types = self.image_types();
        if types.is_empty() {
            types.push("x64Gen2".to_owned());
        }
        let images = types
            .into_iter()
            .map(|image_type| {
                let uri = match (gen2_os_disk_uri, image_type.as_str()) {
                    (Some(gen2), "x64Gen2") => gen2,
                    _ => os_disk_uri,
                };
                VmImage {
                    data_disks: data_disks.to_vec(),
                    ..VmImage::sas_uri(image_type, uri)
                }
            })
            .collect();
        VmImageVersion::new(version, images)
    }

    /// The resource, to edit by hand (what is known of the published versions stays).
    pub fn resource_mut(&mut self) -> &mut Resource {
        &mut self.resource
    }

    /// The resource, as it is now.
    pub fn resource(&self) -> &Resource {
        &self.resource
    }

    /// The resource, taken.
    pub fn into_resource(self) -> Resource {
        self.resource
    }

    fn entries(&self) -> Option<&Vec<Value>> {
        self.resource
            .definition()
            .get("vmImageVersions")
            .and_then(Value::as_array)
    }

    fn entries_mut(&mut self) -> &mut Vec<Value> {
        let doc = self.resource.definition_mut();
        if !matches!(doc.get("vmImageVersions"), Some(Value::Array(_))) {
            doc.insert("vmImageVersions".into(), Value::Array(Vec::new()));
        }
        match doc.get_mut("vmImageVersions") {
            Some(Value::Array(list)) => list,
            _ => unreachable!("just made a list"),
        }
    }

    fn entry_mut(&mut self, version: &str) -> Result<&mut Map<String, Value>> {
        check_version_number(version)?;
        let plan = self.plan_external_id.clone();
        let known: Vec<String> = self
            .vm_image_versions()
            .into_iter()
            .map(|v| v.version_number)
            .collect();
        self.entries_mut()
            .iter_mut()
            .filter_map(Value::as_object_mut)
            .find(|e| e.get("versionNumber").and_then(Value::as_str) == Some(version))
            .ok_or_else(|| {
                Error::invalid_argument(format!(
                    "plan {plan} has no image version {version} (it has: {})",
                    if known.is_empty() {
                        "none".to_owned()
                    } else {
                        known.join(", ")
                    }
                ))
            })
    }
}

impl fmt::Debug for TechnicalConfiguration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TechnicalConfiguration")
            .field("plan_id", &self.plan_external_id)
            .field("versions", &self.vm_image_versions())
            .finish_non_exhaustive()
    }
}
