//! One VM image version of a plan, as the wire holds it under `vmImages` (or
//! `vmImagesPublicAzure`): `{"1.0.0": {osVhdUrl, label, mediaName, description,
//! publishedDate, showInGui, lunVhdDetails: [{lun, lunVhdUrl}]}}`. Reading it, checking
//! it, writing it into an entry.

use std::cmp::Ordering;
use std::fmt;

use chrono::NaiveDate;
use serde_json::{Map, Value, json};

use crate::document::json_document::{integer, text};
use crate::document::sas::Redacted;
use crate::error::{Error, Result};

/// The format of `publishedDate` (`"04/30/2019"`).
pub const PUBLISHED_DATE_FORMAT: &str = "%m/%d/%Y";

/// One version of a VM image: the OS disk, the data disks and how the version is shown.
///
/// `Debug` redacts the SAS signatures of the URLs; the offer's JSON keeps them.
///
/// ```
/// use cloudpartner::{DataDisk, VmImageVersion};
/// let mut image = VmImageVersion::new("1.0.0", "https://contoso.blob.core.windows.net/vhds/os.vhd?sv=1&sig=abc%3D");
/// image.label = "Ubuntu 22.04".into();
/// image.data_disks.push(DataDisk::new(0, "https://contoso.blob.core.windows.net/vhds/d0.vhd?sig=def"));
/// assert!(image.show_in_gui);
/// assert!(image.validate().is_ok());
/// assert!(!format!("{image:?}").contains("abc"));
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct VmImageVersion {
    /// The version: dot-separated integers (`1.0.0`, `2026.12.01`); the key in the plan.
    pub version: String,
    /// The OS disk's VHD (`osVhdUrl`), an https URL, usually with a SAS token.
    pub os_vhd_url: String,
    /// The label (`label`).
    pub label: String,
    /// The media name (`mediaName`).
    pub media_name: String,
    /// The description (`description`).
    pub description: String,
    /// When it was published (`publishedDate`), `%m/%d/%Y` or empty.
    pub published_date: String,
    /// Whether the version is offered to new deployments (`showInGui`); `false` is a
    /// deprecated version. Absent on the wire means `true`.
    pub show_in_gui: bool,
    /// The data disks (`lunVhdDetails`), by LUN.
    pub data_disks: Vec<DataDisk>,
}

/// A data disk of an image version (`{lun, lunVhdUrl}`).
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct DataDisk {
    /// The logical unit number (`lun`).
    pub lun: u32,
    /// The disk's VHD (`lunVhdUrl`), an https URL, usually with a SAS token.
    pub vhd_url: String,
}

impl DataDisk {
    /// A data disk at `lun`.
    pub fn new(lun: u32, vhd_url: impl Into<String>) -> DataDisk {
        DataDisk {
            lun,
            vhd_url: vhd_url.into(),
        }
    }
}

impl Default for VmImageVersion {
    fn default() -> Self {
        VmImageVersion {
            version: String::new(),
            os_vhd_url: String::new(),
            label: String::new(),
            media_name: String::new(),
            description: String::new(),
            published_date: String::new(),
            show_in_gui: true,
            data_disks: Vec::new(),
        }
    }
}

impl VmImageVersion {
    /// A version with its OS disk; shown in the portal, no data disks, other fields
    /// empty. An empty `published_date` becomes today's date when the version is added
    /// to a plan (see [`crate::Offer::set_vm_image_version`]).
    pub fn new(version: impl Into<String>, os_vhd_url: impl Into<String>) -> VmImageVersion {
        VmImageVersion {
            version: version.into(),
            os_vhd_url: os_vhd_url.into(),
            ..VmImageVersion::default()
        }
    }

    /// Checks what the service requires before it is written: the version is
    /// dot-separated integers, the URLs are https, the LUNs are distinct, the published
    /// date is `%m/%d/%Y` or empty. Failures are *invalid_argument*; URLs in messages have
    /// their signatures redacted.
    ///
    /// ```
    /// use cloudpartner::VmImageVersion;
    /// assert!(VmImageVersion::new("2026.12.01", "https://a/os.vhd").validate().is_ok());
    /// assert!(VmImageVersion::new("v1", "https://a/os.vhd").validate().is_err());
    /// let err = VmImageVersion::new("1.0.0", "http://a/os.vhd?sig=x").validate().unwrap_err();
    /// assert!(err.message().contains("sig=REDACTED"));
    /// ```
    pub fn validate(&self) -> Result<()> {
        if version_key(&self.version).is_none() {
            return Err(Error::invalid_argument(format!(
                "image version `{}` is not dot-separated integers (like 1.0.0 or 2026.12.01)",
                self.version
            ))
            .with_argument("version"));
        }
        check_https("os_vhd_url", &self.os_vhd_url).map_err(|e| e.with_argument("os_vhd_url"))?;
        for (i, disk) in self.data_disks.iter().enumerate() {
            check_https(&format!("data_disks[{i}].vhd_url"), &disk.vhd_url)
                .map_err(|e| e.with_argument("data_disks"))?;
            if self.data_disks[..i].iter().any(|d| d.lun == disk.lun) {
                return Err(Error::invalid_argument(format!(
                    "image version `{}`: two data disks at LUN {}",
                    self.version, disk.lun
                )));
            }
        }
        if !self.published_date.is_empty()
            && NaiveDate::parse_from_str(&self.published_date, PUBLISHED_DATE_FORMAT).is_err()
        {
            return Err(Error::invalid_argument(format!(
                "published_date `{}` is not a date as MM/DD/YYYY (or empty)",
                self.published_date
            )));
        }
        Ok(())
    }

    /// Reads the entry of `version`; fields of the wrong type read as empty (`showInGui`
    /// as `true`), data disks without a readable LUN are left out.
    pub(crate) fn from_entry(version: &str, entry: &Value) -> VmImageVersion {
        let data_disks = entry
            .get("lunVhdDetails")
            .and_then(Value::as_array)
            .map(|disks| {
                disks
                    .iter()
                    .filter_map(|d| {
                        let lun = u32::try_from(integer(d.get("lun"))?).ok()?;
                        Some(DataDisk::new(lun, text(d.get("lunVhdUrl"))))
                    })
                    .collect()
            })
            .unwrap_or_default();
        VmImageVersion {
            version: version.to_owned(),
            os_vhd_url: text(entry.get("osVhdUrl")),
            label: text(entry.get("label")),
            media_name: text(entry.get("mediaName")),
            description: text(entry.get("description")),
            published_date: text(entry.get("publishedDate")),
            show_in_gui: read_bool(entry.get("showInGui")).unwrap_or(true),
            data_disks,
        }
    }

    /// Writes the fields into `entry`, keeping the entry's other fields and their order.
    /// What the image leaves unset keeps the entry's own value: an empty label, media
    /// name, description or published date, and no data disks. A new entry (`fresh`) gets
    /// `today` as its published date and an empty list of data disks.
    pub(crate) fn write_into(&self, entry: &mut Map<String, Value>, fresh: bool, today: &str) {
        entry.insert("osVhdUrl".into(), self.os_vhd_url.clone().into());
        for (key, value) in [
            ("label", &self.label),
            ("mediaName", &self.media_name),
            ("description", &self.description),
        ] {
            if !value.is_empty() {
                entry.insert(key.into(), value.clone().into());
            }
        }
        if !self.published_date.is_empty() {
            entry.insert("publishedDate".into(), self.published_date.clone().into());
        } else if fresh {
            entry.insert("publishedDate".into(), today.into());
        }
        entry.insert("showInGui".into(), self.show_in_gui.into());
        if !self.data_disks.is_empty() || fresh || !entry.contains_key("lunVhdDetails") {
            let disks = self
                .data_disks
                .iter()
                .map(|d| json!({"lun": d.lun, "lunVhdUrl": d.vhd_url}))
                .collect();
            entry.insert("lunVhdDetails".into(), Value::Array(disks));
        }
    }
}

fn read_bool(value: Option<&Value>) -> Option<bool> {
    match value? {
        Value::Bool(b) => Some(*b),
        Value::String(s) if s.trim().eq_ignore_ascii_case("true") => Some(true),
        Value::String(s) if s.trim().eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

fn check_https(field: &str, url: &str) -> Result<()> {
    let https = url.len() > 8 && url.as_bytes()[..8].eq_ignore_ascii_case(b"https://");
    if https {
        Ok(())
    } else {
        Err(Error::invalid_argument(format!(
            "{field} `{}` is not an https URL",
            Redacted(url)
        )))
    }
}

/// The integers of a version (`2026.12.01` → `[2026, 12, 1]`); `None` unless it is
/// dot-separated integers.
pub(crate) fn version_key(version: &str) -> Option<Vec<u64>> {
    version
        .split('.')
        .map(|part| {
            if !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        })
        .collect()
}

/// Orders versions by their integers; versions that are not dot-separated integers
/// come after the others (and keep their order, the sort being stable).
pub(crate) fn compare_versions(a: &str, b: &str) -> Ordering {
    match (version_key(a), version_key(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

impl fmt::Debug for VmImageVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VmImageVersion")
            .field("version", &self.version)
            .field("os_vhd_url", &Redacted(&self.os_vhd_url))
            .field("label", &self.label)
            .field("media_name", &self.media_name)
            .field("description", &Redacted(&self.description))
            .field("published_date", &self.published_date)
            .field("show_in_gui", &self.show_in_gui)
            .field("data_disks", &self.data_disks)
            .finish()
    }
}

impl fmt::Debug for DataDisk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DataDisk")
            .field("lun", &self.lun)
            .field("vhd_url", &Redacted(&self.vhd_url))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions() {
        assert_eq!(version_key("1.0.0"), Some(vec![1, 0, 0]));
        assert_eq!(version_key("2026.12.01"), Some(vec![2026, 12, 1]));
        assert_eq!(version_key("7"), Some(vec![7]));
        for bad in [
            "",
            "1.",
            ".1",
            "1..0",
            "v1.0",
            "1.0-beta",
            " 1.0",
            "1.0.0 ",
            "1,0",
            "latest",
            "99999999999999999999.0",
        ] {
            assert_eq!(version_key(bad), None, "{bad:?}");
        }
        let mut list = vec!["1.10.0", "latest", "1.2.0", "1.9.9", "0.9", "beta", "1.2"];
        list.sort_by(|a, b| compare_versions(a, b));
        assert_eq!(
            list,
            ["0.9", "1.2", "1.2.0", "1.9.9", "1.10.0", "latest", "beta"]
        );
    }

    #[test]
    fn reading_an_entry_leniently() {
        let entry = serde_json::json!({
            "osVhdUrl": "https://a/os.vhd", "label": 3, "publishedDate": "04/30/2019",
            "showInGui": "False", "extra": {"kept": true},
            "lunVhdDetails": [{"lun": 1, "lunVhdUrl": "https://a/1.vhd"}, {"lun": "2", "lunVhdUrl": "https://a/2.vhd"},
                              {"lun": -1, "lunVhdUrl": "x"}, {"lunVhdUrl": "y"}, "z"]
        });
        let image = VmImageVersion::from_entry("1.0.0", &entry);
        assert_eq!(image.label, "3");
        assert!(!image.show_in_gui);
        assert_eq!(
            image.data_disks,
            [
                DataDisk::new(1, "https://a/1.vhd"),
                DataDisk::new(2, "https://a/2.vhd")
            ]
        );
        let empty = VmImageVersion::from_entry("2.0.0", &Value::Null);
        assert_eq!(empty, VmImageVersion::new("2.0.0", ""));
        assert!(empty.show_in_gui);
    }

    #[test]
    fn validation() {
        let ok = VmImageVersion::new("1.0.0", "HTTPS://a/os.vhd");
        assert!(ok.validate().is_ok());
        let check = |image: VmImageVersion, needle: &str| {
            let err = image.validate().unwrap_err();
            assert_eq!(err.kind(), crate::ErrorKind::InvalidArgument);
            assert!(err.message().contains(needle), "{err}");
        };
        check(VmImageVersion::new("1.0.x", "https://a"), "dot-separated");
        check(
            VmImageVersion::new("1.0.0", "http://a/os.vhd"),
            "os_vhd_url",
        );
        check(VmImageVersion::new("1.0.0", "https://"), "os_vhd_url");
        check(VmImageVersion::new("1.0.0", ""), "os_vhd_url");
        check(VmImageVersion::new("1.0.0", "httpé://a"), "os_vhd_url");
        let mut disks = ok.clone();
        disks.data_disks = vec![
            DataDisk::new(0, "https://a/0"),
            DataDisk::new(1, "ftp://a/1?sig=s"),
        ];
        check(
            disks.clone(),
            "data_disks[1].vhd_url `ftp://a/1?sig=REDACTED`",
        );
        disks.data_disks[1].vhd_url = "https://a/1".into();
        assert!(disks.validate().is_ok());
        disks.data_disks[1].lun = 0;
        check(disks, "LUN 0");
        let mut dated = ok.clone();
        dated.published_date = "2019-04-30".into();
        check(dated.clone(), "published_date");
        dated.published_date = "04/30/2019".into();
        assert!(dated.validate().is_ok());
    }

    #[test]
    fn writing_keeps_other_fields() {
        let mut entry = serde_json::json!({"custom": 1, "osVhdUrl": "old", "label": "L", "publishedDate": "01/02/2003",
            "lunVhdDetails": [{"lun": 0, "lunVhdUrl": "https://a/d.vhd"}]});
        let image = VmImageVersion::new("1.0.0", "https://a/new.vhd");
        image.write_into(entry.as_object_mut().unwrap(), false, "09/09/2099");
        assert_eq!(
            serde_json::to_string(&entry).unwrap(),
            r#"{"custom":1,"osVhdUrl":"https://a/new.vhd","label":"L","publishedDate":"01/02/2003","lunVhdDetails":[{"lun":0,"lunVhdUrl":"https://a/d.vhd"}],"showInGui":true}"#,
            "what the image leaves unset keeps the entry's value"
        );
        let mut fresh = Map::new();
        image.write_into(&mut fresh, true, "09/09/2099");
        assert_eq!(
            serde_json::to_string(&fresh).unwrap(),
            r#"{"osVhdUrl":"https://a/new.vhd","publishedDate":"09/09/2099","showInGui":true,"lunVhdDetails":[]}"#
        );
    }

    #[test]
    fn debug_redacts_signatures() {
        let mut image = VmImageVersion::new("1.0.0", "https://a/os.vhd?sv=1&sig=TOPSECRET1");
        image
            .data_disks
            .push(DataDisk::new(0, "https://a/d.vhd?sig=TOPSECRET2"));
        let shown = format!("{image:?}");
        assert!(!shown.contains("TOPSECRET"), "{shown}");
        assert_eq!(shown.matches("sig=REDACTED").count(), 2, "{shown}");
    }
}
