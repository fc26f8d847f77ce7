//! `cloudpartner_vm_image`: one VM image version of a plan as a plain C struct, filled by
//! the caller to add one and by the library to list them (`cloudpartner_vm_image_list`);
//! and the image helpers of `cloudpartner_offer`, which are the core's.

use std::ffi::{CString, c_char};
use std::ptr;

use cloudpartner::{DataDisk, Result, VmImageVersion};

use crate::error::{cloudpartner_error, cloudpartner_error_kind};
use crate::ffi::{self, c_string};
use crate::offer::cloudpartner_offer;

/// A data disk of an image version (`{lun, lunVhdUrl}` on the wire).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct cloudpartner_data_disk {
    /// The logical unit number (`lun`).
    pub lun: u32,
    /// The disk's VHD (`lunVhdUrl`): an https URL, usually with a SAS token. Required.
    pub vhd_url: *const c_char,
}

/// One version of a VM image of a plan: the OS disk, the data disks and how the version is
/// shown. Fill one from `cloudpartner_vm_image_default()` to give to
/// `cloudpartner_offer_set_vm_image_version()` (the strings are only read during the call;
/// NULL strings are empty, except `version` and `os_vhd_url`, which are required). The
/// library hands out images in a `cloudpartner_vm_image_list`, or alone from
/// `cloudpartner_offer_remove_vm_image_version()`; their strings and disks belong to it.
/// New fields are only ever appended, and `_default()` fills every one.
///
/// SAS signatures (`sig=`) in the URLs are secrets: the library never shows them in its
/// error messages, and sends them as they are.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct cloudpartner_vm_image {
    /// The version: dot-separated integers (`"1.0.0"`, `"2026.12.01"`); its key in the plan.
    pub version: *const c_char,
    /// The OS disk's VHD (`osVhdUrl`): an https URL, usually with a SAS token.
    pub os_vhd_url: *const c_char,
    /// The label (`label`); NULL: empty.
    pub label: *const c_char,
    /// The media name (`mediaName`); NULL: empty.
    pub media_name: *const c_char,
    /// The description (`description`); NULL: empty.
    pub description: *const c_char,
    /// When it was published (`publishedDate`), `MM/DD/YYYY`; NULL or empty: an existing
    /// entry keeps its date, a new one gets today's (UTC).
    pub published_date: *const c_char,
    /// Whether new deployments see the version (`showInGui`); false is a deprecated
    /// version. Default true.
    pub show_in_gui: bool,
    /// The data disks (`lunVhdDetails`): `data_disk_count` of them; NULL when there are
    /// none.
    pub data_disks: *const cloudpartner_data_disk,
    /// How many data disks `data_disks` points to.
    pub data_disk_count: usize,
}

/// An image with every default: NULL strings, shown in the portal (`show_in_gui` true), no
/// data disks. Set at least `version` and `os_vhd_url`.
#[unsafe(no_mangle)]
pub extern "C" fn cloudpartner_vm_image_default() -> cloudpartner_vm_image {
    cloudpartner_vm_image {
        version: ptr::null(),
        os_vhd_url: ptr::null(),
        label: ptr::null(),
        media_name: ptr::null(),
        description: ptr::null(),
        published_date: ptr::null(),
        show_in_gui: true,
        data_disks: ptr::null(),
        data_disk_count: 0,
    }
}

/// An image the library hands out: the C struct first (what the caller gets a pointer
/// to), then what its pointers point into. The strings and the disk array live on the
/// heap, so moving one of these leaves the struct's pointers valid.
#[repr(C)]
pub(crate) struct OwnedVmImage {
    image: cloudpartner_vm_image,
    // Never read: what the pointers of `image` point into, kept alive with it.
    #[allow(dead_code)]
    strings: [CString; 6],
    #[allow(dead_code)]
    disk_urls: Vec<CString>,
    #[allow(dead_code)]
    disks: Vec<cloudpartner_data_disk>,
}

impl OwnedVmImage {
    fn new(image: &VmImageVersion) -> OwnedVmImage {
        let strings = [
            &image.version,
            &image.os_vhd_url,
            &image.label,
            &image.media_name,
            &image.description,
            &image.published_date,
        ]
        .map(|s| c_string(s));
        let disk_urls: Vec<CString> = image
            .data_disks
            .iter()
            .map(|d| c_string(&d.vhd_url))
            .collect();
        let disks: Vec<cloudpartner_data_disk> = image
            .data_disks
            .iter()
            .zip(&disk_urls)
            .map(|(d, url)| cloudpartner_data_disk {
                lun: d.lun,
                vhd_url: url.as_ptr(),
            })
            .collect();
        let image = cloudpartner_vm_image {
            version: strings[0].as_ptr(),
            os_vhd_url: strings[1].as_ptr(),
            label: strings[2].as_ptr(),
            media_name: strings[3].as_ptr(),
            description: strings[4].as_ptr(),
            published_date: strings[5].as_ptr(),
            show_in_gui: image.show_in_gui,
            data_disks: if disks.is_empty() {
                ptr::null()
            } else {
                disks.as_ptr()
            },
            data_disk_count: disks.len(),
        };
        OwnedVmImage {
            image,
            strings,
            disk_urls,
            disks,
        }
    }
}

/// The image versions of one plan (`cloudpartner_offer_vm_image_versions()`), sorted by
/// version. Opaque; owns its images. Free it with `cloudpartner_vm_image_list_free()`.
pub struct cloudpartner_vm_image_list {
    images: Vec<OwnedVmImage>,
}

/// The core's image of a C one.
///
/// # Safety
/// The struct's pointers are NULL or valid (strings NUL-terminated, `data_disks` pointing
/// to `data_disk_count` disks).
/// `prefix` starts the names of its fields in error messages (`"image->"`).
pub(crate) unsafe fn core_image(
    function: &str,
    prefix: &str,
    image: &cloudpartner_vm_image,
) -> Result<VmImageVersion> {
    // SAFETY: forwarded contract.
    let required = |name: &str, s| unsafe { ffi::str_arg(function, name, s) }.map(str::to_owned);
    // SAFETY: forwarded contract.
    let optional = |name: &str, s| {
        unsafe { ffi::opt_str_arg(function, name, s) }.map(|s| s.unwrap_or_default().to_owned())
    };
    let disks: &[cloudpartner_data_disk] = match (image.data_disks.is_null(), image.data_disk_count)
    {
        (_, 0) => &[],
        (true, _) => {
            return Err(ffi::bad_argument(
                function,
                &format!("{prefix}data_disks"),
                "is NULL with a data_disk_count above 0",
            ));
        }
        // SAFETY: `data_disks` points to `data_disk_count` disks (the documented contract).
        (false, n) => unsafe { std::slice::from_raw_parts(image.data_disks, n) },
    };
    let data_disks = disks
        .iter()
        .enumerate()
        .map(|(i, disk)| {
            let name = format!("{prefix}data_disks[{i}].vhd_url");
            Ok(DataDisk::new(disk.lun, required(&name, disk.vhd_url)?))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(VmImageVersion {
        version: required(&format!("{prefix}version"), image.version)?,
        os_vhd_url: required(&format!("{prefix}os_vhd_url"), image.os_vhd_url)?,
        label: optional(&format!("{prefix}label"), image.label)?,
        media_name: optional(&format!("{prefix}media_name"), image.media_name)?,
        description: optional(&format!("{prefix}description"), image.description)?,
        published_date: optional(&format!("{prefix}published_date"), image.published_date)?,
        show_in_gui: image.show_in_gui,
        data_disks,
    })
}

/// Lists the image versions of a plan (or of a disk generation: any id of
/// `cloudpartner_offer_plan_id()`), sorted by version numerically (`1.2.0` before
/// `1.10.0`; keys that are not dot-separated integers last). A plan without images gives
/// an empty list.
///
/// On success `*out` gets the list: free it with `cloudpartner_vm_image_list_free()`.
/// `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for an unknown plan id (the message names the
/// plans there are), or a NULL or non-UTF-8 argument. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_vm_image_versions(
    offer: *const cloudpartner_offer,
    plan_id: *const c_char,
    out: *mut *mut cloudpartner_vm_image_list,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_offer_vm_image_versions", err, [
        out: out_arg,
        offer: ref_arg,
        plan_id: str_arg,
    ] => {
        let images = offer.offer().vm_image_versions(plan_id)?;
        out.set(cloudpartner_vm_image_list {
            images: images.iter().map(OwnedVmImage::new).collect(),
        });
        Ok(())
    })
}

/// Adds an image version to a plan (or disk generation), or replaces the one with the same
/// version, in the offer's definition; `cloudpartner_client_put_offer()` then writes it.
///
/// The image is checked first: the version is dot-separated integers, the URLs are https,
/// the LUNs distinct, the published date `MM/DD/YYYY` or empty. A replaced entry keeps its
/// other fields and its place (and its date when `published_date` is NULL or empty); a new
/// version goes after the others.
///
/// `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for an image that fails those checks (the message
/// says which; signatures in URLs shown as `sig=REDACTED`), an unknown plan id, a NULL
/// `version` or `os_vhd_url`, a NULL or non-UTF-8 argument. The offer is unchanged on
/// failure. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_set_vm_image_version(
    offer: *mut cloudpartner_offer,
    plan_id: *const c_char,
    image: *const cloudpartner_vm_image,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    const FUNCTION: &str = "cloudpartner_offer_set_vm_image_version";
    ffi::guard(err, || {
        // SAFETY: the caller passes NULL or valid pointers (the documented contract).
        let (offer, plan_id, image) = unsafe {
            (
                ffi::mut_arg(FUNCTION, "offer", offer)?,
                ffi::str_arg(FUNCTION, "plan_id", plan_id)?,
                core_image(FUNCTION, "image->", ffi::ref_arg(FUNCTION, "image", image)?)?,
            )
        };
        offer.edit(|o| o.set_vm_image_version(plan_id, &image))
    })
}

/// Removes an image version from a plan (or disk generation) of the offer's definition.
///
/// `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` when the plan has no such version, when it is the
/// plan's last version and `force` is false (a plan without an image cannot be
/// published), for an unknown plan id, or a NULL or non-UTF-8 argument; the offer is then
/// unchanged. When `removed` is not NULL, `*removed` gets the image that was removed (NULL
/// on failure): free it with `cloudpartner_vm_image_free()`. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_remove_vm_image_version(
    offer: *mut cloudpartner_offer,
    plan_id: *const c_char,
    version: *const c_char,
    force: bool,
    removed: *mut *mut cloudpartner_vm_image,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    const FUNCTION: &str = "cloudpartner_offer_remove_vm_image_version";
    if !removed.is_null() {
        // SAFETY: a non-NULL `removed` is writable (the documented contract).
        unsafe { *removed = ptr::null_mut() };
    }
    ffi::guard(err, || {
        // SAFETY: the caller passes NULL or valid pointers (the documented contract).
        let (offer, plan_id, version) = unsafe {
            (
                ffi::mut_arg(FUNCTION, "offer", offer)?,
                ffi::str_arg(FUNCTION, "plan_id", plan_id)?,
                ffi::str_arg(FUNCTION, "version", version)?,
            )
        };
        let image = offer.edit(|o| o.remove_vm_image_version(plan_id, version, force))?;
        if !removed.is_null() {
            let owned = Box::into_raw(Box::new(OwnedVmImage::new(&image)));
            // SAFETY: as above; the struct is the first field of a `repr(C)` OwnedVmImage,
            // which `cloudpartner_vm_image_free()` gives back to Box.
            unsafe { *removed = owned.cast::<cloudpartner_vm_image>() };
        }
        Ok(())
    })
}

/// Deprecates an image version of a plan (or disk generation): `showInGui` false, so that
/// new deployments no longer see it. `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` when the plan
/// has no such version, for an unknown plan id, or a NULL or non-UTF-8 argument. `err` may
/// be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_offer_deprecate_vm_image_version(
    offer: *mut cloudpartner_offer,
    plan_id: *const c_char,
    version: *const c_char,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_offer_deprecate_vm_image_version", err, [
        offer: mut_arg,
        plan_id: str_arg,
        version: str_arg,
    ] => {
        offer.edit(|o| o.deprecate_vm_image_version(plan_id, version))
    })
}

/// Frees an image the library returned alone (`cloudpartner_offer_remove_vm_image_version()`)
/// with its strings and disks. NULL is fine. Never pass an image of your own, nor one
/// borrowed from a `cloudpartner_vm_image_list`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_vm_image_free(image: *mut cloudpartner_vm_image) {
    // The pointer came from `Box::into_raw(Box<OwnedVmImage>)`, cast to its first field.
    ffi::free_box(image.cast::<OwnedVmImage>())
}

/// How many images the list holds (0 when `list` is NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_vm_image_list_count(
    list: *const cloudpartner_vm_image_list,
) -> usize {
    ffi::accessor!(list, 0, |l| l.images.len())
}

/// Image `index` of the list: borrowed, like its strings and disks, valid while `list`
/// lives. NULL when `index` is out of range or `list` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_vm_image_list_get(
    list: *const cloudpartner_vm_image_list,
    index: usize,
) -> *const cloudpartner_vm_image {
    ffi::accessor!(list, ptr::null(), |l| {
        l.images
            .get(index)
            .map_or(ptr::null(), |i| &i.image as *const cloudpartner_vm_image)
    })
}

/// Frees a list and its images. NULL is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_vm_image_list_free(list: *mut cloudpartner_vm_image_list) {
    ffi::free_box(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_owned_image_points_into_itself_after_moving() {
        let mut image = VmImageVersion::new("1.0.0", "https://a/os.vhd?sig=x");
        image.data_disks.push(DataDisk::new(3, "https://a/d.vhd"));
        let owned = OwnedVmImage::new(&image);
        let moved = [owned];
        let c = &moved[0].image;
        let again = unsafe { core_image("f", "image->", c) }.unwrap();
        assert_eq!(again, image);
    }

    #[test]
    fn required_fields_and_disks() {
        let mut c = cloudpartner_vm_image_default();
        let e = unsafe { core_image("f", "image->", &c) }.unwrap_err();
        assert!(e.message().contains("image->version"), "{e}");
        c.version = c"1.0.0".as_ptr();
        c.os_vhd_url = c"https://a".as_ptr();
        c.data_disk_count = 1;
        let e = unsafe { core_image("f", "image->", &c) }.unwrap_err();
        assert!(e.message().contains("image->data_disks"), "{e}");
        let disks = [cloudpartner_data_disk {
            lun: 0,
            vhd_url: ptr::null(),
        }];
        c.data_disks = disks.as_ptr();
        let e = unsafe { core_image("f", "image->", &c) }.unwrap_err();
        assert!(e.message().contains("data_disks[0].vhd_url"), "{e}");
        c.data_disk_count = 0;
        let image = unsafe { core_image("f", "image->", &c) }.unwrap();
        assert!(image.show_in_gui && image.label.is_empty());
    }
}
