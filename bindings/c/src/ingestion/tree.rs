//! `cloudpartner_resource_tree` (a product's resources for one target, lossless) and
//! `cloudpartner_technical_configuration` (a plan's VM technical configuration, with the
//! core's image helpers).

use std::ffi::{CString, c_char};
use std::ptr;

use cloudpartner::ingestion::{ResourceTree, TechnicalConfiguration, parse_resource_tree};

use super::image_version::cloudpartner_ingestion_vm_image_version;
use super::resource::{cloudpartner_product, cloudpartner_resource};
use crate::error::{cloudpartner_error, cloudpartner_error_kind};
use crate::ffi::{self, c_string};
use crate::strings::into_raw_string;

/// A product's resource tree for one target (draft, preview or live): every resource, in
/// the service's order, kept losslessly. A draft tree read through a client knows which
/// versions preview and live hold (so that removing a published version is refused before
/// anything is sent). Opaque; owns what it lends. Free it with
/// `cloudpartner_resource_tree_free()`.
pub struct cloudpartner_resource_tree {
    tree: ResourceTree,
    root: CString,
    target: CString,
    resources: Vec<cloudpartner_resource>,
    plan_ids: Vec<CString>,
    submission_id: Option<CString>,
    product: Option<cloudpartner_product>,
}

impl cloudpartner_resource_tree {
    pub(crate) fn new(tree: ResourceTree) -> cloudpartner_resource_tree {
        cloudpartner_resource_tree {
            root: c_string(tree.root()),
            target: c_string(tree.target().as_wire()),
            resources: tree
                .resources()
                .iter()
                .cloned()
                .map(cloudpartner_resource::new)
                .collect(),
            plan_ids: tree.plan_ids().into_iter().map(c_string).collect(),
            submission_id: tree.submission().map(|s| c_string(s.id())),
            product: tree.product().map(cloudpartner_product::new),
            tree,
        }
    }
}

/// Parses a resource tree (`GET resource-tree/product/<guid>`): the `len` bytes at
/// `json`. On success `*out` gets it (free it with `cloudpartner_resource_tree_free()`);
/// `CLOUDPARTNER_ERROR_PARSE` for a document that is not a tree
/// (`cloudpartner_error_line()` / `_column()` say where), `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`
/// for a NULL argument. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_parse_resource_tree(
    json: *const c_char,
    len: usize,
    out: *mut *mut cloudpartner_resource_tree,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_parse_resource_tree", err, [out: out_arg] => {
        // SAFETY: `json` is NULL or `len` readable bytes (the documented contract).
        let bytes = unsafe { ffi::bytes_arg(FUNCTION, json, len) }?;
        out.set(cloudpartner_resource_tree::new(parse_resource_tree(bytes)?));
        Ok(())
    })
}

/// The tree's root, `product/<guid>`; borrowed from the tree. NULL when `tree` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_resource_tree_root(
    tree: *const cloudpartner_resource_tree,
) -> *const c_char {
    ffi::accessor!(tree, ptr::null(), |t| t.root.as_ptr())
}

/// The tree's target as on the wire (`"draft"`, `"preview"`, `"live"`); borrowed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_resource_tree_target(
    tree: *const cloudpartner_resource_tree,
) -> *const c_char {
    ffi::accessor!(tree, ptr::null(), |t| t.target.as_ptr())
}

/// How many resources the tree holds; 0 when `tree` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_resource_tree_resource_count(
    tree: *const cloudpartner_resource_tree,
) -> usize {
    ffi::accessor!(tree, 0, |t| t.resources.len())
}

/// Resource `index`, borrowed from the tree (clone it with `cloudpartner_resource_clone()`
/// to edit it); NULL when out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_resource_tree_resource(
    tree: *const cloudpartner_resource_tree,
    index: usize,
) -> *const cloudpartner_resource {
    ffi::accessor!(tree, ptr::null(), |t| ffi::item(&t.resources, index))
}

/// The tree's product, borrowed from the tree; NULL when it has none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_resource_tree_product(
    tree: *const cloudpartner_resource_tree,
) -> *const cloudpartner_product {
    ffi::accessor!(tree, ptr::null(), |t| t
        .product
        .as_ref()
        .map_or(ptr::null(), |p| p as *const cloudpartner_product))
}

/// How many plans the tree holds; 0 when `tree` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_resource_tree_plan_count(
    tree: *const cloudpartner_resource_tree,
) -> usize {
    ffi::accessor!(tree, 0, |t| t.plan_ids.len())
}

/// Plan `index`'s id (its external id, `"standard"`), in the tree's order; borrowed. NULL
/// when out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_resource_tree_plan_id(
    tree: *const cloudpartner_resource_tree,
    index: usize,
) -> *const c_char {
    ffi::accessor!(tree, ptr::null(), |t| t
        .plan_ids
        .get(index)
        .map_or(ptr::null(), |p| p.as_ptr()))
}

/// The id of the tree's submission resource (`submission/<guid>/0` in a draft); borrowed.
/// NULL when it has none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_resource_tree_submission_id(
    tree: *const cloudpartner_resource_tree,
) -> *const c_char {
    ffi::accessor!(tree, ptr::null(), |t| ffi::borrowed_str(
        t.submission_id.as_ref()
    ))
}

/// The whole tree as JSON text, lossless (the document as the service sent it). Free it
/// with `cloudpartner_string_free()`. NULL when `tree` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_resource_tree_json(
    tree: *const cloudpartner_resource_tree,
) -> *mut c_char {
    ffi::accessor!(tree, ptr::null_mut(), |t| into_raw_string(
        &t.tree.to_json()
    ))
}

/// Replaces the tree with the `len` bytes of JSON at `json` (a tree edited by hand),
/// keeping what a draft read through a client knows of the published versions. Every
/// pointer the tree lent before (its resources, plan ids, product, strings) is invalid
/// afterwards. JSON that does not parse is `CLOUDPARTNER_ERROR_PARSE` (with its line and
/// column) and leaves the tree as it was; a NULL argument is
/// `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_resource_tree_set_json(
    tree: *mut cloudpartner_resource_tree,
    json: *const c_char,
    len: usize,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_resource_tree_set_json", err, [tree: mut_arg] => {
        // SAFETY: `json` is NULL or `len` readable bytes (the documented contract).
        let bytes = unsafe { ffi::bytes_arg(FUNCTION, json, len) }?;
        let mut replaced = tree.tree.clone();
        replaced.set_json(bytes)?;
        *tree = cloudpartner_resource_tree::new(replaced);
        Ok(())
    })
}

/// The VM technical configuration of plan `plan_id` (its external id), a copy the caller
/// edits with the image helpers and sends with `cloudpartner_technical_configuration_json()`
/// and `cloudpartner_ingestion_client_configure()`. Free it with
/// `cloudpartner_technical_configuration_free()`. `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`
/// for an unknown plan (the message names the tree's plans) or a NULL or non-UTF-8
/// argument. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_resource_tree_technical_configuration(
    tree: *const cloudpartner_resource_tree,
    plan_id: *const c_char,
    out: *mut *mut cloudpartner_technical_configuration,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_resource_tree_technical_configuration", err, [
        out: out_arg,
        tree: ref_arg,
        plan_id: str_arg,
    ] => {
        let configuration = tree.tree.technical_configuration(plan_id)?;
        out.set(cloudpartner_technical_configuration::new(configuration));
        Ok(())
    })
}

/// Frees a tree and everything it lends. NULL is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_resource_tree_free(tree: *mut cloudpartner_resource_tree) {
    ffi::free_box(tree)
}

/// A plan's VM technical configuration (a resource), with the image helpers. The image
/// version list is **full-state**: what is sent replaces what the service holds. Opaque;
/// free it with `cloudpartner_technical_configuration_free()`.
///
/// What it lends (plan id, image types, versions) is valid until a helper changes it, or
/// it is freed.
pub struct cloudpartner_technical_configuration {
    configuration: TechnicalConfiguration,
    plan_id: CString,
    image_types: Vec<CString>,
    versions: Vec<cloudpartner_ingestion_vm_image_version>,
}

impl cloudpartner_technical_configuration {
    fn new(configuration: TechnicalConfiguration) -> cloudpartner_technical_configuration {
        cloudpartner_technical_configuration {
            plan_id: c_string(configuration.plan_id()),
            image_types: configuration
                .image_types()
                .iter()
                .map(|t| c_string(t))
                .collect(),
            versions: configuration
                .vm_image_versions()
                .into_iter()
                .map(cloudpartner_ingestion_vm_image_version::new)
                .collect(),
            configuration,
        }
    }

    /// Runs one of the core's helpers, then remakes the views.
    fn edit<R>(
        &mut self,
        edit: impl FnOnce(&mut TechnicalConfiguration) -> cloudpartner::Result<R>,
    ) -> cloudpartner::Result<R> {
        let result = edit(&mut self.configuration);
        let configuration = self.configuration.clone();
        *self = cloudpartner_technical_configuration::new(configuration);
        result
    }
}

/// The plan's id (`"standard"`); borrowed. NULL when `configuration` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_technical_configuration_plan_id(
    configuration: *const cloudpartner_technical_configuration,
) -> *const c_char {
    ffi::accessor!(configuration, ptr::null(), |c| c.plan_id.as_ptr())
}

/// How many image types the plan's SKUs have; 0 when `configuration` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_technical_configuration_image_type_count(
    configuration: *const cloudpartner_technical_configuration,
) -> usize {
    ffi::accessor!(configuration, 0, |c| c.image_types.len())
}

/// Image type `index` of the plan's SKUs (`"x64Gen1"`), in order; borrowed. NULL when
/// out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_technical_configuration_image_type(
    configuration: *const cloudpartner_technical_configuration,
    index: usize,
) -> *const c_char {
    ffi::accessor!(configuration, ptr::null(), |c| c
        .image_types
        .get(index)
        .map_or(ptr::null(), |t| t.as_ptr()))
}

/// How many image versions the configuration holds; 0 when `configuration` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_technical_configuration_vm_image_version_count(
    configuration: *const cloudpartner_technical_configuration,
) -> usize {
    ffi::accessor!(configuration, 0, |c| c.versions.len())
}

/// Image version `index`, in document order; borrowed (valid until the configuration
/// changes or is freed). NULL when out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_technical_configuration_vm_image_version(
    configuration: *const cloudpartner_technical_configuration,
    index: usize,
) -> *const cloudpartner_ingestion_vm_image_version {
    ffi::accessor!(configuration, ptr::null(), |c| ffi::item(
        &c.versions,
        index
    ))
}

/// Adds `version`, or replaces the version with its number. It is checked first
/// (`"N.N.N"`, one image per image type of the plan's SKUs and only those, https URLs,
/// LUNs 0..15): `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` saying what is wrong, and the
/// configuration unchanged. `version` stays the caller's.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_technical_configuration_set_vm_image_version(
    configuration: *mut cloudpartner_technical_configuration,
    version: *const cloudpartner_ingestion_vm_image_version,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_technical_configuration_set_vm_image_version", err, [
        configuration: mut_arg,
        version: ref_arg,
    ] => {
        configuration.edit(|c| c.set_vm_image_version(version.version()))
    })
}

/// Deprecates version `version`, with an optional `reason` (`"criticalSecurityIssue"`,
/// `"endOfSupport"`, `"other"`) and `date_offset` (`"P90D"`), both NULL for none.
/// `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for an unknown version or reason.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_technical_configuration_deprecate_vm_image_version(
    configuration: *mut cloudpartner_technical_configuration,
    version: *const c_char,
    reason: *const c_char,
    date_offset: *const c_char,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_technical_configuration_deprecate_vm_image_version", err, [
        configuration: mut_arg,
        version: str_arg,
        reason: opt_str_arg,
        date_offset: opt_str_arg,
    ] => {
        configuration.edit(|c| c.deprecate_vm_image_version(version, reason, date_offset))
    })
}

/// Restores version `version` (back to generally available, no deprecation schedule).
/// `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for an unknown version.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_technical_configuration_restore_vm_image_version(
    configuration: *mut cloudpartner_technical_configuration,
    version: *const c_char,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_technical_configuration_restore_vm_image_version", err, [
        configuration: mut_arg,
        version: str_arg,
    ] => {
        configuration.edit(|c| c.restore_vm_image_version(version))
    })
}

/// Removes version `version`, which must never have been published: removing a published
/// one is `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` explaining the full-state rule (deprecate
/// it instead), as is an unknown version.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_technical_configuration_remove_vm_image_version(
    configuration: *mut cloudpartner_technical_configuration,
    version: *const c_char,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_technical_configuration_remove_vm_image_version", err, [
        configuration: mut_arg,
        version: str_arg,
    ] => {
        configuration.edit(|c| c.remove_vm_image_version(version).map(drop))
    })
}

/// The configuration as it is now, a resource as JSON text (lossless, edits included):
/// what to give `cloudpartner_ingestion_client_configure()`. Free it with
/// `cloudpartner_string_free()`. NULL when `configuration` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_technical_configuration_json(
    configuration: *const cloudpartner_technical_configuration,
) -> *mut c_char {
    ffi::accessor!(configuration, ptr::null_mut(), |c| into_raw_string(
        &c.configuration.resource().to_json()
    ))
}

/// Frees a configuration and everything it lends. NULL is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_technical_configuration_free(
    configuration: *mut cloudpartner_technical_configuration,
) {
    ffi::free_box(configuration)
}
