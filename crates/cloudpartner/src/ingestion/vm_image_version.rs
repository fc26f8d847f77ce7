//! A VM image version of a technical configuration (`vmImageVersions[]`): its number,
//! lifecycle, deprecation schedule and one image per SKU image type.

use std::fmt;

use serde_json::{Map, Value, json};

use super::states::LifecycleState;
use crate::document::sas::Redacted;
use crate::error::{Error, Result};

/// `sasUri`: an image given by the URL of its OS disk (and data disks).
pub const SAS_URI: &str = "sasUri";
/// `sharedImageGallery`: an image in an Azure compute gallery.
pub const SHARED_IMAGE_GALLERY: &str = "sharedImageGallery";

/// A data disk of an image: its LUN (0..15) and the URL of its VHD.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct DataDisk {
    /// The LUN, 0 to 15.
    pub lun: u32,
    /// The VHD's URL (usually a SAS URL).
    pub uri: String,
}

impl DataDisk {
    /// A data disk at `lun`.
    pub fn new(lun: u32, uri: impl Into<String>) -> DataDisk {
        DataDisk {
            lun,
            uri: uri.into(),
        }
    }
}

impl fmt::Debug for DataDisk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DataDisk")
            .field("lun", &self.lun)
            .field("uri", &Redacted(&self.uri))
            .finish()
    }
}

/// One image of a version, for one image type of the plan's SKUs.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct VmImage {
    /// `x64Gen1`, `x64Gen2` or `arm64Gen2`.
    pub image_type: String,
    /// `sasUri` (the default) or `sharedImageGallery`.
    pub source_type: String,
    /// The OS disk's URL (`sasUri`).
    pub os_disk_uri: String,
    /// The data disks (`sasUri`).
    pub data_disks: Vec<DataDisk>,
    /// The gallery image's tenant (`sharedImageGallery`).
    pub shared_image_tenant_id: String,
    /// The gallery image's resource id (`sharedImageGallery`).
    pub shared_image_resource_id: String,
}

impl VmImage {
    /// An image of `image_type` from the URL of its OS disk.
    pub fn sas_uri(image_type: impl Into<String>, os_disk_uri: impl Into<String>) -> VmImage {
        VmImage {
            image_type: image_type.into(),
            source_type: SAS_URI.to_owned(),
            os_disk_uri: os_disk_uri.into(),
            ..VmImage::default()
        }
    }

    /// True for an image given by its OS disk's URL.
    pub fn is_sas_uri(&self) -> bool {
        self.source_type.is_empty() || self.source_type == SAS_URI
    }

    /// The image on the wire.
    pub(crate) fn to_value(&self) -> Value {
        let source = if self.is_sas_uri() {
            let disks: Vec<Value> = self
                .data_disks
                .iter()
                .map(|d| json!({"lunNumber": d.lun, "uri": d.uri}))
                .collect();
            json!({"sourceType": SAS_URI, "osDisk": {"uri": self.os_disk_uri}, "dataDisks": disks})
        } else {
            json!({"sourceType": self.source_type, "sharedImage": {
                "tenantId": self.shared_image_tenant_id,
                "resourceId": self.shared_image_resource_id}})
        };
        json!({"imageType": self.image_type, "source": source})
    }

    fn from_value(value: &Value) -> VmImage {
        let source = value.get("source").unwrap_or(&Value::Null);
        let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or("").to_owned();
        VmImage {
            image_type: text(value.get("imageType")),
            source_type: text(source.get("sourceType")),
            os_disk_uri: text(source.get("osDisk").and_then(|d| d.get("uri"))),
            data_disks: source
                .get("dataDisks")
                .and_then(Value::as_array)
                .map(|disks| {
                    disks
                        .iter()
                        .map(|d| DataDisk {
                            lun: d
                                .get("lunNumber")
                                .and_then(Value::as_u64)
                                .and_then(|n| u32::try_from(n).ok())
                                .unwrap_or(0),
                            uri: text(d.get("uri")),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            shared_image_tenant_id: text(source.get("sharedImage").and_then(|s| s.get("tenantId"))),
            shared_image_resource_id: text(
                source.get("sharedImage").and_then(|s| s.get("resourceId")),
            ),
        }
    }

    /// Checks what the service would refuse: an OS disk or data disk URL that is not
    /// https, a LUN outside 0..15, a LUN twice.
    pub fn validate(&self) -> Result<()> {
        if !self.is_sas_uri() {
            return Ok(());
        }
        check_https(
            &format!("the {} OS disk URL", self.image_type),
            &self.os_disk_uri,
        )?;
        let mut luns = std::collections::BTreeSet::new();
        for disk in &self.data_disks {
            if disk.lun > 15 {
                return Err(Error::invalid_argument(format!(
                    "data disk LUN {} is outside 0..15",
                    disk.lun
                )));
            }
            if !luns.insert(disk.lun) {
                return Err(Error::invalid_argument(format!(
                    "data disk LUN {} is given twice",
                    disk.lun
                )));
            }
            check_https(&format!("the data disk URL of LUN {}", disk.lun), &disk.uri)?;
        }
        Ok(())
    }
}

fn check_https(what: &str, url: &str) -> Result<()> {
    let parsed = url::Url::parse(url.trim());
    match parsed {
        Ok(u) if u.scheme() == "https" && u.host_str().is_some() => Ok(()),
        _ => Err(Error::invalid_argument(format!(
            "{what} `{}` is not an https URL",
            crate::document::sas::redact_sas(url)
        ))),
    }
}

impl fmt::Debug for VmImage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VmImage")
            .field("image_type", &self.image_type)
            .field("source_type", &self.source_type)
            .field("os_disk_uri", &Redacted(&self.os_disk_uri))
            .field("data_disks", &self.data_disks)
            .field("shared_image_resource_id", &self.shared_image_resource_id)
            .finish()
    }
}

/// When and why a version is (to be) deprecated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeprecationSchedule {
    /// The date it takes effect (set by the service).
    pub date: String,
    /// How long after the publish it takes effect (an ISO 8601 duration, `P90D`).
    pub date_offset: String,
    /// `criticalSecurityIssue`, `endOfSupport` or `other`.
    pub reason: String,
}

/// A VM image version (`vmImageVersions[]`).
///
/// ```
/// use cloudpartner::ingestion::{VmImage, VmImageVersion};
/// let version = VmImageVersion::new("2.0.0", vec![VmImage::sas_uri("x64Gen2", "https://x/os.vhd?sig=s")]);
/// assert!(format!("{version:?}").contains("sig=REDACTED"));
/// assert!(version.validate().is_ok());
/// assert!(VmImageVersion::new("2.0", vec![]).validate().is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VmImageVersion {
    /// `N.N.N`.
    pub version_number: String,
    /// Generally available (the default), deprecated or deleted.
    pub lifecycle_state: Option<LifecycleState>,
    /// One image per image type of the plan's SKUs.
    pub images: Vec<VmImage>,
    /// When it is deprecated, if it is.
    pub deprecation_schedule: Option<DeprecationSchedule>,
}

impl VmImageVersion {
    /// A new, generally available version.
    pub fn new(version_number: impl Into<String>, images: Vec<VmImage>) -> VmImageVersion {
        VmImageVersion {
            version_number: version_number.into(),
            lifecycle_state: None,
            images,
            deprecation_schedule: None,
        }
    }

    /// Checks it on its own: `N.N.N` (at most 32 characters), at least one image, each
    /// image's URLs and LUNs, an image type at most once.
    pub fn validate(&self) -> Result<()> {
        check_version_number(&self.version_number)?;
        if self.images.is_empty() {
            return Err(Error::invalid_argument(format!(
                "image version {} has no image",
                self.version_number
            )));
        }
        let mut types = std::collections::BTreeSet::new();
        for image in &self.images {
            if !types.insert(image.image_type.as_str()) {
                return Err(Error::invalid_argument(format!(
                    "image version {} has two images of type {}",
                    self.version_number, image.image_type
                )));
            }
            image.validate()?;
        }
        Ok(())
    }

    /// Reads an entry of `vmImageVersions` leniently.
    pub(crate) fn from_value(value: &Value) -> VmImageVersion {
        let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or("").to_owned();
        VmImageVersion {
            version_number: text(value.get("versionNumber")),
            lifecycle_state: value
                .get("lifecycleState")
                .and_then(Value::as_str)
                .map(LifecycleState::from_wire),
            images: value
                .get("vmImages")
                .and_then(Value::as_array)
                .map(|images| images.iter().map(VmImage::from_value).collect())
                .unwrap_or_default(),
            deprecation_schedule: value
                .get("deprecationSchedule")
                .filter(|s| s.is_object())
                .map(|s| DeprecationSchedule {
                    date: text(s.get("date")),
                    date_offset: text(s.get("dateOffset")),
                    reason: text(s.get("reason")),
                }),
        }
    }

    /// Lays this version over `entry` (an existing entry, or an empty object): the
    /// number, the images, and the lifecycle state when given; every other field of
    /// the entry stays.
    pub(crate) fn write_into(&self, entry: &mut Map<String, Value>) {
        entry.insert("versionNumber".into(), self.version_number.clone().into());
        entry.insert(
            "vmImages".into(),
            Value::Array(self.images.iter().map(VmImage::to_value).collect()),
        );
        match &self.lifecycle_state {
            Some(state) => {
                entry.insert("lifecycleState".into(), state.as_wire().into());
            }
            None => {
                entry
                    .entry("lifecycleState")
                    .or_insert_with(|| LifecycleState::GenerallyAvailable.as_wire().into());
            }
        }
    }
}

/// `N.N.N`, each part digits, at most 32 characters.
pub fn check_version_number(version: &str) -> Result<()> {
    let parts: Vec<&str> = version.split('.').collect();
    let ok = version.len() <= 32
        && parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if ok {
        Ok(())
    } else {
        Err(Error::invalid_argument(format!(
            "image version `{version}` is not N.N.N (three whole numbers, like 2.0.0)"
        )))
    }
}
