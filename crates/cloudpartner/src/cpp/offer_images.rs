//! The image helpers of an offer: list, add or replace, remove and deprecate the VM
//! image versions of a plan (or of a disk generation), editing the definition in place.
//!
//! A plan keeps its images under `microsoft-azure-virtualmachines.vmImages` or
//! `microsoft-azure-corevm.vmImagesPublicAzure`, an object from version to image. A plan
//! with neither key gets the key of its offer type; a disk generation without a key of
//! its own gets its plan's.

use chrono::Utc;
use serde_json::{Map, Value};

use crate::cpp::offer::Offer;
use crate::cpp::plans::PlanPath;
use crate::cpp::vm_image::{PUBLISHED_DATE_FORMAT, VmImageVersion, compare_versions};
use crate::error::{Error, ErrorKind, Result};

/// Where plans of `microsoft-azure-virtualmachines` offers (and of any offer type but
/// `microsoft-azure-corevm`) keep their image versions.
pub const VIRTUAL_MACHINES_IMAGES_KEY: &str = "microsoft-azure-virtualmachines.vmImages";

/// Where plans of `microsoft-azure-corevm` offers keep their image versions.
pub const COREVM_IMAGES_KEY: &str = "microsoft-azure-corevm.vmImagesPublicAzure";

const COREVM_OFFER_TYPE: &str = "microsoft-azure-corevm";

impl Offer {
    /// The key under which `plan_id` keeps its image versions: the one it has (the
    /// offer type's when it has both), else its plan's (for a disk generation), else
    /// the offer type's ([`COREVM_IMAGES_KEY`] for `microsoft-azure-corevm`,
    /// [`VIRTUAL_MACHINES_IMAGES_KEY`] otherwise).
    ///
    /// ```
    /// let offer = cloudpartner::parse_offer(br#"{"offerTypeId": "microsoft-azure-corevm",
    ///     "definition": {"plans": [{"planId": "p"}]}}"#)?;
    /// assert_eq!(offer.images_key("p")?, cloudpartner::COREVM_IMAGES_KEY);
    /// # Ok::<(), cloudpartner::Error>(())
    /// ```
    pub fn images_key(&self, plan_id: &str) -> Result<&'static str> {
        let path = self.locate_plan(plan_id)?;
        Ok(self.images_key_at(path))
    }

    /// The image versions of a plan or disk generation, sorted by version (numerically:
    /// `1.2.0` before `1.10.0`; keys that are not dot-separated integers last, in
    /// document order). A plan without images has none; an unknown plan id is
    /// *invalid_argument*, naming the plans that exist.
    ///
    /// ```
    /// let offer = cloudpartner::parse_offer(br#"{"definition": {"plans": [{"planId": "p",
    ///     "microsoft-azure-virtualmachines.vmImages": {
    ///         "1.10.0": {"osVhdUrl": "https://a/10.vhd"}, "1.2.0": {"osVhdUrl": "https://a/2.vhd"}}}]}}"#)?;
    /// let versions: Vec<String> = offer.vm_image_versions("p")?.into_iter().map(|i| i.version).collect();
    /// assert_eq!(versions, ["1.2.0", "1.10.0"]);
    /// assert!(offer.vm_image_versions("q").unwrap_err().message().contains("`p`"));
    /// # Ok::<(), cloudpartner::Error>(())
    /// ```
    pub fn vm_image_versions(&self, plan_id: &str) -> Result<Vec<VmImageVersion>> {
        let path = self.locate_plan(plan_id)?;
        let mut images: Vec<VmImageVersion> = self
            .images_at(path)
            .map(|images| {
                images
                    .iter()
                    .map(|(version, entry)| VmImageVersion::from_entry(version, entry))
                    .collect()
            })
            .unwrap_or_default();
        images.sort_by(|a, b| compare_versions(&a.version, &b.version));
        Ok(images)
    }

    /// Adds an image version to a plan or disk generation, or replaces the one with the
    /// same version.
    ///
    /// The image is checked first ([`VmImageVersion::validate`]: dot-separated integers,
    /// https URLs). A replaced entry keeps its other fields, and its place; its own
    /// published date stays when `image.published_date` is empty, and an empty label,
    /// media name or description is not added to it. A new version is added after the
    /// others, with today's date (UTC) when `image.published_date` is empty. Data disks
    /// are written as `lunVhdDetails: [{lun, lunVhdUrl}]`.
    ///
    /// ```
    /// use cloudpartner::VmImageVersion;
    /// let mut offer = cloudpartner::parse_offer(br#"{"definition": {"plans": [{"planId": "p"}]}}"#)?;
    /// let mut image = VmImageVersion::new("1.0.0", "https://contoso.blob.core.windows.net/vhds/os.vhd?sig=x");
    /// image.published_date = "04/30/2019".into();
    /// offer.set_vm_image_version("p", &image)?;
    /// assert_eq!(offer.to_json(), concat!(
    ///     r#"{"definition":{"plans":[{"planId":"p","microsoft-azure-virtualmachines.vmImages":{"1.0.0":{"#,
    ///     r#""osVhdUrl":"https://contoso.blob.core.windows.net/vhds/os.vhd?sig=x","publishedDate":"04/30/2019","#,
    ///     r#""showInGui":true,"lunVhdDetails":[]}}}]}}"#));
    /// assert!(offer.set_vm_image_version("p", &VmImageVersion::new("1.0.0", "http://a/os.vhd")).is_err());
    /// # Ok::<(), cloudpartner::Error>(())
    /// ```
    pub fn set_vm_image_version(&mut self, plan_id: &str, image: &VmImageVersion) -> Result<()> {
        image.validate()?;
        let path = self.locate_plan(plan_id)?;
        let key = self.images_key_at(path);
        let plan = self.plan_at_mut(path).ok_or_else(|| lost(plan_id))?;
        let slot = plan.entry(key).or_insert(Value::Null);
        if slot.is_null() {
            *slot = Value::Object(Map::new());
        }
        let images = slot.as_object_mut().ok_or_else(|| {
            Error::invalid_argument(format!(
                "plan `{plan_id}`: `{key}` is not an object of image versions"
            ))
        })?;
        let today = Utc::now()
            .date_naive()
            .format(PUBLISHED_DATE_FORMAT)
            .to_string();
        match images.get_mut(&image.version) {
            Some(Value::Object(entry)) => image.write_into(entry, false, &today),
            _ => {
                let mut entry = Map::new();
                image.write_into(&mut entry, true, &today);
                images.insert(image.version.clone(), Value::Object(entry));
            }
        }
        Ok(())
    }

    /// Removes an image version from a plan or disk generation and returns it.
    ///
    /// *invalid_argument* when the plan has no such version, and when it is the plan's
    /// last version, unless `force` (a plan without an image cannot be published). The
    /// other versions keep their order.
    ///
    /// ```
    /// let mut offer = cloudpartner::parse_offer(br#"{"definition": {"plans": [{"planId": "p",
    ///     "microsoft-azure-virtualmachines.vmImages": {"1.0.0": {"osVhdUrl": "https://a/1.vhd"}}}]}}"#)?;
    /// assert!(offer.remove_vm_image_version("p", "1.0.0", false).is_err());
    /// let removed = offer.remove_vm_image_version("p", "1.0.0", true)?;
    /// assert_eq!(removed.os_vhd_url, "https://a/1.vhd");
    /// assert!(offer.vm_image_versions("p")?.is_empty());
    /// # Ok::<(), cloudpartner::Error>(())
    /// ```
    pub fn remove_vm_image_version(
        &mut self,
        plan_id: &str,
        version: &str,
        force: bool,
    ) -> Result<VmImageVersion> {
        let path = self.locate_plan(plan_id)?;
        let count = self.check_has_version(path, plan_id, version)?;
        if count == 1 && !force {
            return Err(Error::invalid_argument(format!(
                "image version `{version}` is the last one of plan `{plan_id}`; \
                 removing it leaves the plan without an image (`force` removes it anyway)"
            ))
            .with_argument("force"));
        }
        let key = self.images_key_at(path);
        let entry = self
            .plan_at_mut(path)
            .and_then(|plan| plan.get_mut(key))
            .and_then(Value::as_object_mut)
            .and_then(|images| images.shift_remove(version))
            .ok_or_else(|| lost(plan_id))?;
        Ok(VmImageVersion::from_entry(version, &entry))
    }

    /// Deprecates an image version of a plan or disk generation: `showInGui: false`, so
    /// that new deployments no longer see it. *invalid_argument* when it is absent.
    ///
    /// ```
    /// let mut offer = cloudpartner::parse_offer(br#"{"definition": {"plans": [{"planId": "p",
    ///     "microsoft-azure-virtualmachines.vmImages": {"1.0.0": {"osVhdUrl": "https://a/1.vhd"}}}]}}"#)?;
    /// offer.deprecate_vm_image_version("p", "1.0.0")?;
    /// assert!(!offer.vm_image_versions("p")?[0].show_in_gui);
    /// assert!(offer.to_json().contains(r#""1.0.0":{"osVhdUrl":"https://a/1.vhd","showInGui":false}"#));
    /// # Ok::<(), cloudpartner::Error>(())
    /// ```
    pub fn deprecate_vm_image_version(&mut self, plan_id: &str, version: &str) -> Result<()> {
        let path = self.locate_plan(plan_id)?;
        self.check_has_version(path, plan_id, version)?;
        let key = self.images_key_at(path);
        let entry = self
            .plan_at_mut(path)
            .and_then(|plan| plan.get_mut(key))
            .and_then(|images| images.get_mut(version))
            .ok_or_else(|| lost(plan_id))?;
        match entry {
            Value::Object(fields) => {
                fields.insert("showInGui".into(), Value::Bool(false));
            }
            other => {
                let mut fields = Map::new();
                fields.insert("showInGui".into(), Value::Bool(false));
                *other = Value::Object(fields);
            }
        }
        Ok(())
    }

    /// The images key of the plan or generation at `path` (see [`Offer::images_key`]).
    fn images_key_at(&self, path: PlanPath) -> &'static str {
        let type_key = if self.offer_type_id().eq_ignore_ascii_case(COREVM_OFFER_TYPE) {
            COREVM_IMAGES_KEY
        } else {
            VIRTUAL_MACHINES_IMAGES_KEY
        };
        let own_key = |object: Option<&Map<String, Value>>| {
            let object = object?;
            let has = |key: &str| object.get(key).is_some_and(|v| !v.is_null());
            [type_key, VIRTUAL_MACHINES_IMAGES_KEY, COREVM_IMAGES_KEY]
                .into_iter()
                .find(|key| has(key))
        };
        match path {
            PlanPath::Plan(_) => own_key(self.plan_at(path)),
            PlanPath::Generation(plan, _) => {
                own_key(self.plan_at(path)).or_else(|| own_key(self.plan_at(PlanPath::Plan(plan))))
            }
        }
        .unwrap_or(type_key)
    }

    /// The image versions object of the plan at `path`, when it has one.
    fn images_at(&self, path: PlanPath) -> Option<&Map<String, Value>> {
        self.plan_at(path)?
            .get(self.images_key_at(path))?
            .as_object()
    }

    /// How many versions the plan has, when `version` is one of them; else the error
    /// naming the versions it has.
    fn check_has_version(&self, path: PlanPath, plan_id: &str, version: &str) -> Result<usize> {
        let images = self.images_at(path);
        match images {
            Some(images) if images.contains_key(version) => Ok(images.len()),
            _ => {
                let mut versions: Vec<&str> = images
                    .map(|i| i.keys().map(String::as_str).collect())
                    .unwrap_or_default();
                versions.sort_by(|a, b| compare_versions(a, b));
                Err(Error::invalid_argument(if versions.is_empty() {
                    format!(
                        "plan `{plan_id}` has no image version `{version}`: it has no image versions"
                    )
                } else {
                    format!(
                        "plan `{plan_id}` has no image version `{version}`: it has {}",
                        versions.join(", ")
                    )
                }))
            }
        }
    }
}

/// A plan found a moment ago is gone: cannot happen, `&mut self` being held.
fn lost(plan_id: &str) -> Error {
    Error::new(
        ErrorKind::Internal,
        format!("plan `{plan_id}` could not be edited"),
    )
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::cpp::vm_image::DataDisk;
    use crate::{ErrorKind, parse_offer};

    const SIG_URL: &str = "https://contoso.blob.core.windows.net/vhds/os.vhd?sv=2018-03-28&sr=c&sig=Zm9vYmFy%2BYmF6%3D&sp=rl";

    fn offer(value: serde_json::Value) -> Offer {
        Offer::from_value(value).unwrap()
    }

    fn vm_offer() -> Offer {
        offer(json!({
            "offerTypeId": "microsoft-azure-virtualmachines",
            "id": "vm",
            "definition": {"plans": [
                {"planId": "gen1",
                 "microsoft-azure-virtualmachines.vmImages": {
                     "1.0.0": {"osVhdUrl": "https://a/1.vhd", "x-custom": {"keep": [1, 2]}, "label": "One",
                               "publishedDate": "01/02/2020", "showInGui": true, "lunVhdDetails": []},
                     "1.1.0": {"osVhdUrl": "https://a/11.vhd"}},
                 "diskGenerations": [{"planId": "gen2"}, {"planId": "gen2-own", "microsoft-azure-corevm.vmImagesPublicAzure": {}}]},
                {"planId": "bare", "diskGenerations": []}
            ]}
        }))
    }

    fn versions(offer: &Offer, plan: &str) -> Vec<String> {
        offer
            .vm_image_versions(plan)
            .unwrap()
            .into_iter()
            .map(|i| i.version)
            .collect()
    }

    fn today() -> String {
        Utc::now()
            .date_naive()
            .format(PUBLISHED_DATE_FORMAT)
            .to_string()
    }

    #[test]
    fn add_to_a_plan() {
        let mut offer = vm_offer();
        let mut image = VmImageVersion::new("1.0.10", SIG_URL);
        image.label = "Ten".into();
        image.data_disks = vec![DataDisk::new(0, "https://a/d0.vhd?sig=abc")];
        offer.set_vm_image_version("gen1", &image).unwrap();
        assert_eq!(versions(&offer, "gen1"), ["1.0.0", "1.0.10", "1.1.0"]);
        let images = &offer.definition()["plans"][0][VIRTUAL_MACHINES_IMAGES_KEY];
        let keys: Vec<&String> = images.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["1.0.0", "1.1.0", "1.0.10"], "added after the others");
        let date = today();
        assert_eq!(
            images["1.0.10"],
            json!({"osVhdUrl": SIG_URL, "label": "Ten", "publishedDate": date, "showInGui": true,
                   "lunVhdDetails": [{"lun": 0, "lunVhdUrl": "https://a/d0.vhd?sig=abc"}]})
        );
        let read = offer.vm_image_versions("gen1").unwrap().remove(1);
        assert_eq!(read.published_date, date);
        assert_eq!(
            read,
            VmImageVersion {
                published_date: date,
                ..image
            }
        );
    }

    #[test]
    fn add_to_a_disk_generation() {
        let mut offer = vm_offer();
        offer
            .set_vm_image_version("gen2", &VmImageVersion::new("2.0.0", "https://a/g2.vhd"))
            .unwrap();
        let generation = &offer.definition()["plans"][0]["diskGenerations"][0];
        assert!(
            generation[VIRTUAL_MACHINES_IMAGES_KEY]["2.0.0"].is_object(),
            "the plan's key"
        );
        assert_eq!(versions(&offer, "gen2"), ["2.0.0"]);
        assert_eq!(
            versions(&offer, "gen1"),
            ["1.0.0", "1.1.0"],
            "the plan is untouched"
        );
        offer
            .set_vm_image_version(
                "gen2-own",
                &VmImageVersion::new("3.0.0", "https://a/g3.vhd"),
            )
            .unwrap();
        let own = &offer.definition()["plans"][0]["diskGenerations"][1];
        assert!(own[COREVM_IMAGES_KEY]["3.0.0"].is_object(), "its own key");
        assert!(own.get(VIRTUAL_MACHINES_IMAGES_KEY).is_none());
        assert_eq!(offer.images_key("gen2-own").unwrap(), COREVM_IMAGES_KEY);
    }

    #[test]
    fn replace_keeps_the_fields_it_does_not_set() {
        let mut offer = vm_offer();
        let mut image = VmImageVersion::new("1.0.0", "https://a/1b.vhd");
        image.show_in_gui = false;
        offer.set_vm_image_version("gen1", &image).unwrap();
        let entry = &offer.definition()["plans"][0][VIRTUAL_MACHINES_IMAGES_KEY]["1.0.0"];
        assert_eq!(
            serde_json::to_string(entry).unwrap(),
            r#"{"osVhdUrl":"https://a/1b.vhd","x-custom":{"keep":[1,2]},"label":"One","publishedDate":"01/02/2020","showInGui":false,"lunVhdDetails":[]}"#
        );
        let keys: Vec<&String> = offer.definition()["plans"][0][VIRTUAL_MACHINES_IMAGES_KEY]
            .as_object()
            .unwrap()
            .keys()
            .collect();
        assert_eq!(keys, ["1.0.0", "1.1.0"], "replaced in place");
        image.published_date = "12/31/2030".into();
        offer.set_vm_image_version("gen1", &image).unwrap();
        assert_eq!(
            offer.vm_image_versions("gen1").unwrap()[0].published_date,
            "12/31/2030"
        );
    }

    #[test]
    fn remove_refuses_the_last_version_unless_forced() {
        let mut offer = vm_offer();
        let removed = offer
            .remove_vm_image_version("gen1", "1.0.0", false)
            .unwrap();
        assert_eq!(removed.label, "One");
        assert_eq!(removed.published_date, "01/02/2020");
        let err = offer
            .remove_vm_image_version("gen1", "1.1.0", false)
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidArgument);
        assert!(err.message().contains("last one of plan `gen1`"), "{err}");
        assert_eq!(versions(&offer, "gen1"), ["1.1.0"]);
        offer
            .remove_vm_image_version("gen1", "1.1.0", true)
            .unwrap();
        assert!(versions(&offer, "gen1").is_empty());
        assert_eq!(
            offer.definition()["plans"][0][VIRTUAL_MACHINES_IMAGES_KEY],
            json!({})
        );
    }

    #[test]
    fn remove_keeps_the_order_of_the_others() {
        let mut offer = offer(
            json!({"definition": {"plans": [{"planId": "p", VIRTUAL_MACHINES_IMAGES_KEY: {
            "3.0.0": {}, "1.0.0": {}, "2.0.0": {}, "0.5.0": {}}}]}}),
        );
        offer.remove_vm_image_version("p", "1.0.0", false).unwrap();
        assert!(
            offer
                .to_json()
                .contains(r#"{"3.0.0":{},"2.0.0":{},"0.5.0":{}}"#),
            "{}",
            offer.to_json()
        );
    }

    #[test]
    fn absent_versions_are_named() {
        let mut offer = vm_offer();
        let err = offer
            .remove_vm_image_version("gen1", "9.9.9", true)
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidArgument);
        assert_eq!(
            err.message(),
            "plan `gen1` has no image version `9.9.9`: it has 1.0.0, 1.1.0"
        );
        let err = offer
            .deprecate_vm_image_version("bare", "1.0.0")
            .unwrap_err();
        assert_eq!(
            err.message(),
            "plan `bare` has no image version `1.0.0`: it has no image versions"
        );
    }

    #[test]
    fn unknown_plans_name_the_plans_that_exist() {
        let mut offer = vm_offer();
        let expected =
            "unknown plan `nope`: offer `vm` has plans `gen1`, `gen2`, `gen2-own`, `bare`";
        let errors = [
            offer.vm_image_versions("nope").unwrap_err(),
            offer
                .clone()
                .set_vm_image_version("nope", &VmImageVersion::new("1.0.0", "https://a"))
                .unwrap_err(),
            offer
                .clone()
                .remove_vm_image_version("nope", "1.0.0", true)
                .unwrap_err(),
            offer
                .deprecate_vm_image_version("nope", "1.0.0")
                .unwrap_err(),
        ];
        for err in errors {
            assert_eq!(err.kind(), ErrorKind::InvalidArgument);
            assert_eq!(err.message(), expected);
        }
    }

    #[test]
    fn refused_images_change_nothing() {
        let mut offer = vm_offer();
        let before = offer.to_json();
        for (image, needle) in [
            (
                VmImageVersion::new("1.2.0", "http://a/os.vhd?sig=s3cr3t"),
                "os_vhd_url `http://a/os.vhd?sig=REDACTED` is not an https URL",
            ),
            (
                VmImageVersion::new("1.2.x", "https://a/os.vhd"),
                "`1.2.x` is not dot-separated integers",
            ),
            (VmImageVersion::new("", "https://a/os.vhd"), "dot-separated"),
            (
                VmImageVersion {
                    data_disks: vec![DataDisk::new(1, "file:///d.vhd")],
                    ..VmImageVersion::new("1.3.0", "https://a/os.vhd")
                },
                "data_disks[0].vhd_url",
            ),
        ] {
            let err = offer
                .clone()
                .set_vm_image_version("gen1", &image)
                .unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidArgument);
            assert!(err.message().contains(needle), "{err}");
            assert!(!err.message().contains("s3cr3t"));
            assert!(offer.set_vm_image_version("gen1", &image).is_err());
            assert_eq!(offer.to_json(), before);
        }
    }

    #[test]
    fn deprecate_hides_a_version() {
        let mut offer = vm_offer();
        offer.deprecate_vm_image_version("gen1", "1.1.0").unwrap();
        let images = offer.vm_image_versions("gen1").unwrap();
        assert!(images[0].show_in_gui);
        assert!(!images[1].show_in_gui);
        assert_eq!(
            offer.definition()["plans"][0][VIRTUAL_MACHINES_IMAGES_KEY]["1.1.0"],
            json!({"osVhdUrl": "https://a/11.vhd", "showInGui": false})
        );
        offer.deprecate_vm_image_version("gen1", "1.0.0").unwrap();
        let entry = &offer.definition()["plans"][0][VIRTUAL_MACHINES_IMAGES_KEY]["1.0.0"];
        assert_eq!(entry["showInGui"], json!(false));
        assert_eq!(entry["x-custom"], json!({"keep": [1, 2]}));
    }

    #[test]
    fn which_key_a_plan_uses() {
        let corevm = offer(
            json!({"offerTypeId": "microsoft-azure-corevm", "definition": {"plans": [
            {"planId": "p", COREVM_IMAGES_KEY: {"1.0.0": {"osVhdUrl": "https://a/1.vhd"}}, "diskGenerations": [{"planId": "p2"}]},
            {"planId": "bare"},
            {"planId": "other", VIRTUAL_MACHINES_IMAGES_KEY: {}},
            {"planId": "both", VIRTUAL_MACHINES_IMAGES_KEY: {}, COREVM_IMAGES_KEY: {}},
            {"planId": "null", COREVM_IMAGES_KEY: null, VIRTUAL_MACHINES_IMAGES_KEY: {}}]}}),
        );
        assert_eq!(corevm.images_key("p").unwrap(), COREVM_IMAGES_KEY);
        assert_eq!(corevm.images_key("p2").unwrap(), COREVM_IMAGES_KEY);
        assert_eq!(corevm.images_key("bare").unwrap(), COREVM_IMAGES_KEY);
        assert_eq!(
            corevm.images_key("other").unwrap(),
            VIRTUAL_MACHINES_IMAGES_KEY
        );
        assert_eq!(corevm.images_key("both").unwrap(), COREVM_IMAGES_KEY);
        assert_eq!(
            corevm.images_key("null").unwrap(),
            VIRTUAL_MACHINES_IMAGES_KEY
        );
        assert_eq!(versions(&corevm, "p"), ["1.0.0"]);

        let mut vm = vm_offer();
        assert_eq!(vm.images_key("bare").unwrap(), VIRTUAL_MACHINES_IMAGES_KEY);
        vm.set_vm_image_version("bare", &VmImageVersion::new("1.0.0", "https://a/1.vhd"))
            .unwrap();
        assert!(vm.definition()["plans"][1][VIRTUAL_MACHINES_IMAGES_KEY]["1.0.0"].is_object());
        let mut untyped = offer(json!({"definition": {"plans": [{"planId": "p"}]}}));
        untyped
            .set_vm_image_version("p", &VmImageVersion::new("1.0.0", "https://a/1.vhd"))
            .unwrap();
        assert_eq!(versions(&untyped, "p"), ["1.0.0"]);
        assert!(untyped.to_json().contains(VIRTUAL_MACHINES_IMAGES_KEY));
    }

    #[test]
    fn images_that_are_not_an_object() {
        let mut odd = offer(
            json!({"definition": {"plans": [{"planId": "p", VIRTUAL_MACHINES_IMAGES_KEY: [1]},
                                                             {"planId": "q", VIRTUAL_MACHINES_IMAGES_KEY: null}]}}),
        );
        assert!(versions(&odd, "p").is_empty());
        let err = odd
            .set_vm_image_version("p", &VmImageVersion::new("1.0.0", "https://a"))
            .unwrap_err();
        assert!(err.message().contains("not an object"), "{err}");
        odd.set_vm_image_version("q", &VmImageVersion::new("1.0.0", "https://a/1.vhd"))
            .unwrap();
        assert_eq!(versions(&odd, "q"), ["1.0.0"]);
    }

    #[test]
    fn signatures_are_redacted_in_debug_and_kept_in_json() {
        let mut offer = vm_offer();
        let mut image = VmImageVersion::new("2.0.0", SIG_URL);
        image
            .data_disks
            .push(DataDisk::new(3, "https://a/d.vhd?sv=1&SIG=disksecret"));
        offer.set_vm_image_version("gen1", &image).unwrap();
        let read = offer.vm_image_versions("gen1").unwrap().pop().unwrap();
        let shown = format!("{read:?} {offer:?} {image:?}");
        assert!(
            !shown.contains("Zm9vYmFy") && !shown.contains("disksecret"),
            "{shown}"
        );
        assert!(
            shown.contains("sig=REDACTED") && shown.contains("SIG=REDACTED"),
            "{shown}"
        );
        let json = offer.to_json();
        assert!(json.contains("sig=Zm9vYmFy%2BYmF6%3D") && json.contains("SIG=disksecret"));
        assert_eq!(read.os_vhd_url, SIG_URL);
        assert!(parse_offer(json.as_bytes()).unwrap() == offer);
    }
}
