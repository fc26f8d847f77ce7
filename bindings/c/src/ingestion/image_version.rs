//! `cloudpartner_ingestion_vm_image_version`: a VM image version of the Product Ingestion
//! API (`versionNumber`, one image per image type, each with its OS disk and data disks,
//! or a gallery image; lifecycle state; deprecation schedule), read from a technical
//! configuration or built by the caller for `_set_vm_image_version()`.

use std::ffi::{CString, c_char};
use std::ptr;

use cloudpartner::ingestion::{DataDisk, VmImage, VmImageVersion};

use crate::error::{cloudpartner_error, cloudpartner_error_kind};
use crate::ffi::{self, c_string};

struct CImage {
    image_type: CString,
    source_type: CString,
    os_disk_uri: CString,
    shared_image_tenant_id: CString,
    shared_image_resource_id: CString,
    data_disks: Vec<(u32, CString)>,
}

/// A VM image version (DESIGN §10; not the CPP `cloudpartner_vm_image`). Opaque: one
/// built with `cloudpartner_ingestion_vm_image_version_new()` is the caller's (free it
/// with `cloudpartner_ingestion_vm_image_version_free()`); one a technical configuration
/// lends is valid until that configuration changes or is freed.
///
/// The strings it lends are valid until it changes (`_add_image()`, `_add_data_disk()`)
/// or is freed.
pub struct cloudpartner_ingestion_vm_image_version {
    version: VmImageVersion,
    version_number: CString,
    lifecycle_state: Option<CString>,
    deprecation_reason: Option<CString>,
    deprecation_date_offset: Option<CString>,
    deprecation_date: Option<CString>,
    images: Vec<CImage>,
}

impl cloudpartner_ingestion_vm_image_version {
    pub(crate) fn new(version: VmImageVersion) -> cloudpartner_ingestion_vm_image_version {
        let schedule = version.deprecation_schedule.as_ref();
        let non_empty = |s: &str| (!s.is_empty()).then(|| c_string(s));
        cloudpartner_ingestion_vm_image_version {
            version_number: c_string(&version.version_number),
            lifecycle_state: version
                .lifecycle_state
                .as_ref()
                .map(|s| c_string(s.as_wire())),
            deprecation_reason: schedule.and_then(|s| non_empty(&s.reason)),
            deprecation_date_offset: schedule.and_then(|s| non_empty(&s.date_offset)),
            deprecation_date: schedule.and_then(|s| non_empty(&s.date)),
            images: version
                .images
                .iter()
                .map(|image| CImage {
                    image_type: c_string(&image.image_type),
                    source_type: c_string(&image.source_type),
                    os_disk_uri: c_string(&image.os_disk_uri),
                    shared_image_tenant_id: c_string(&image.shared_image_tenant_id),
                    shared_image_resource_id: c_string(&image.shared_image_resource_id),
                    data_disks: image
                        .data_disks
                        .iter()
                        .map(|d| (d.lun, c_string(&d.uri)))
                        .collect(),
                })
                .collect(),
            version,
        }
    }

    pub(crate) fn version(&self) -> &VmImageVersion {
        &self.version
    }

    fn image(&self, index: usize) -> Option<&CImage> {
        self.images.get(index)
    }
}

/// A new, generally available version `version_number` (`"N.N.N"`) with no image yet:
/// add one per image type of the plan's SKUs with `_add_image()`. It is checked when a
/// technical configuration takes it. Free it with
/// `cloudpartner_ingestion_vm_image_version_free()`. `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`
/// for a NULL or non-UTF-8 argument; `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_vm_image_version_new(
    version_number: *const c_char,
    out: *mut *mut cloudpartner_ingestion_vm_image_version,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_ingestion_vm_image_version_new", err, [
        out: out_arg,
        version_number: str_arg,
    ] => {
        out.set(cloudpartner_ingestion_vm_image_version::new(VmImageVersion::new(
            version_number,
            Vec::new(),
        )));
        Ok(())
    })
}

/// Adds an image of `image_type` (`"x64Gen1"`, `"x64Gen2"`, `"arm64Gen2"`) from the URL
/// of its OS disk (a `sasUri` image). The strings the version lent before are no longer
/// valid. `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL or non-UTF-8 argument.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_vm_image_version_add_image(
    version: *mut cloudpartner_ingestion_vm_image_version,
    image_type: *const c_char,
    os_disk_uri: *const c_char,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_ingestion_vm_image_version_add_image", err, [
        version: mut_arg,
        image_type: str_arg,
        os_disk_uri: str_arg,
    ] => {
        let mut core = version.version.clone();
        core.images.push(VmImage::sas_uri(image_type, os_disk_uri));
        *version = cloudpartner_ingestion_vm_image_version::new(core);
        Ok(())
    })
}

/// Adds a data disk (LUN 0..15, the URL of its VHD) to image `image_index`.
/// `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL or non-UTF-8 argument or an image
/// index out of range (the LUN is checked with the version).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_vm_image_version_add_data_disk(
    version: *mut cloudpartner_ingestion_vm_image_version,
    image_index: usize,
    lun: u32,
    uri: *const c_char,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_ingestion_vm_image_version_add_data_disk", err, [
        version: mut_arg,
        uri: str_arg,
    ] => {
        let mut core = version.version.clone();
        let count = core.images.len();
        let image = core.images.get_mut(image_index).ok_or_else(|| {
            ffi::bad_argument(
                FUNCTION,
                "image_index",
                &format!("is {image_index}: the version has {count} image(s)"),
            )
        })?;
        image.data_disks.push(DataDisk::new(lun, uri));
        *version = cloudpartner_ingestion_vm_image_version::new(core);
        Ok(())
    })
}

/// The version number (`"1.0.0"`); borrowed. NULL when `version` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_vm_image_version_number(
    version: *const cloudpartner_ingestion_vm_image_version,
) -> *const c_char {
    ffi::accessor!(version, ptr::null(), |v| v.version_number.as_ptr())
}

/// The lifecycle state as on the wire (`"generallyAvailable"`, `"deprecated"`,
/// `"deleted"`); borrowed. NULL when the document has none (generally available).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_vm_image_version_lifecycle_state(
    version: *const cloudpartner_ingestion_vm_image_version,
) -> *const c_char {
    ffi::accessor!(version, ptr::null(), |v| ffi::borrowed_str(
        v.lifecycle_state.as_ref()
    ))
}

/// The deprecation schedule's reason (`"endOfSupport"`, ...); borrowed. NULL when there
/// is none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_vm_image_version_deprecation_reason(
    version: *const cloudpartner_ingestion_vm_image_version,
) -> *const c_char {
    ffi::accessor!(version, ptr::null(), |v| ffi::borrowed_str(
        v.deprecation_reason.as_ref()
    ))
}

/// The deprecation schedule's date offset (`"P90D"`); borrowed. NULL when there is none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_vm_image_version_deprecation_date_offset(
    version: *const cloudpartner_ingestion_vm_image_version,
) -> *const c_char {
    ffi::accessor!(version, ptr::null(), |v| ffi::borrowed_str(
        v.deprecation_date_offset.as_ref()
    ))
}

/// The deprecation schedule's date (set by the service); borrowed. NULL when there is
/// none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_vm_image_version_deprecation_date(
    version: *const cloudpartner_ingestion_vm_image_version,
) -> *const c_char {
    ffi::accessor!(version, ptr::null(), |v| ffi::borrowed_str(
        v.deprecation_date.as_ref()
    ))
}

/// How many images the version has (one per image type); 0 when `version` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_vm_image_version_image_count(
    version: *const cloudpartner_ingestion_vm_image_version,
) -> usize {
    ffi::accessor!(version, 0, |v| v.images.len())
}

/// Image `index`'s type (`"x64Gen2"`); borrowed. NULL when out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_vm_image_version_image_type(
    version: *const cloudpartner_ingestion_vm_image_version,
    index: usize,
) -> *const c_char {
    ffi::accessor!(version, ptr::null(), |v| v
        .image(index)
        .map_or(ptr::null(), |i| i.image_type.as_ptr()))
}

/// Image `index`'s source type (`"sasUri"` or `"sharedImageGallery"`); borrowed. NULL
/// when out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_vm_image_version_image_source_type(
    version: *const cloudpartner_ingestion_vm_image_version,
    index: usize,
) -> *const c_char {
    ffi::accessor!(version, ptr::null(), |v| v
        .image(index)
        .map_or(ptr::null(), |i| i.source_type.as_ptr()))
}

/// Image `index`'s OS disk URL (`""` for a gallery image), SAS query included: it is
/// what the service holds, so never print it as is. Borrowed; NULL when out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_vm_image_version_image_os_disk_uri(
    version: *const cloudpartner_ingestion_vm_image_version,
    index: usize,
) -> *const c_char {
    ffi::accessor!(version, ptr::null(), |v| v
        .image(index)
        .map_or(ptr::null(), |i| i.os_disk_uri.as_ptr()))
}

/// Image `index`'s gallery image resource id (`""` for a `sasUri` image); borrowed. NULL
/// when out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_vm_image_version_image_shared_image_resource_id(
    version: *const cloudpartner_ingestion_vm_image_version,
    index: usize,
) -> *const c_char {
    ffi::accessor!(version, ptr::null(), |v| v
        .image(index)
        .map_or(ptr::null(), |i| i.shared_image_resource_id.as_ptr()))
}

/// Image `index`'s gallery image tenant id (`""` for a `sasUri` image); borrowed. NULL
/// when out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_vm_image_version_image_shared_image_tenant_id(
    version: *const cloudpartner_ingestion_vm_image_version,
    index: usize,
) -> *const c_char {
    ffi::accessor!(version, ptr::null(), |v| v
        .image(index)
        .map_or(ptr::null(), |i| i.shared_image_tenant_id.as_ptr()))
}

/// How many data disks image `index` has; 0 when out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_vm_image_version_image_data_disk_count(
    version: *const cloudpartner_ingestion_vm_image_version,
    index: usize,
) -> usize {
    ffi::accessor!(version, 0, |v| v
        .image(index)
        .map_or(0, |i| i.data_disks.len()))
}

/// Data disk `disk` of image `index`: its URL (borrowed; NULL when out of range), its
/// LUN in `*lun` when `lun` is not NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_vm_image_version_image_data_disk(
    version: *const cloudpartner_ingestion_vm_image_version,
    index: usize,
    disk: usize,
    lun: *mut u32,
) -> *const c_char {
    ffi::accessor!(version, ptr::null(), |v| {
        match v.image(index).and_then(|i| i.data_disks.get(disk)) {
            Some((n, uri)) => {
                // SAFETY: `lun` is NULL or writable (the documented contract).
                unsafe { ffi::write_opt(Some(*n), lun) };
                uri.as_ptr()
            }
            None => ptr::null(),
        }
    })
}

/// A copy of a version (say, one a technical configuration lends): free it with
/// `cloudpartner_ingestion_vm_image_version_free()`. NULL when `version` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_vm_image_version_clone(
    version: *const cloudpartner_ingestion_vm_image_version,
) -> *mut cloudpartner_ingestion_vm_image_version {
    ffi::accessor!(version, ptr::null_mut(), |v| Box::into_raw(Box::new(
        cloudpartner_ingestion_vm_image_version::new(v.version.clone())
    )))
}

/// Frees a version. NULL is fine. Never free a borrowed one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_vm_image_version_free(
    version: *mut cloudpartner_ingestion_vm_image_version,
) {
    ffi::free_box(version)
}
