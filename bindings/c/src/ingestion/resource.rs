//! `cloudpartner_resource`: a Product Ingestion resource kept losslessly by the core
//! (every field, key order, exact numbers), read and replaced as JSON text; and
//! `cloudpartner_product` (a product resource with its typed fields) and
//! `cloudpartner_product_list`.

use std::ffi::{CString, c_char};
use std::ptr;

use cloudpartner::ingestion::{Product, Resource, parse_page};

use crate::error::{cloudpartner_error, cloudpartner_error_kind};
use crate::ffi::{self, c_string};
use crate::strings::into_raw_string;

/// A resource of the Product Ingestion API (a product, a plan, a technical configuration,
/// a submission, ...): the whole JSON document, every field known or not, in document
/// order, numbers exact. Opaque; free it with `cloudpartner_resource_free()` (unless it
/// is borrowed: a tree's or a product's). Read it with `cloudpartner_resource_json()`;
/// change it with `cloudpartner_resource_set_json()`; send it with
/// `cloudpartner_ingestion_client_configure()`.
///
/// Threads: any number of threads may read one resource at once; `_set_json()` must be
/// the only call on it.
pub struct cloudpartner_resource {
    resource: Resource,
    id: CString,
    schema: CString,
    resource_type: CString,
    external_id: CString,
}

/// Keeps `kept` when it holds the same text as `new` (so that a pointer handed out before
/// stays valid while its value does).
fn keep_if_same(kept: &mut CString, new: &str) {
    if kept.as_bytes() != c_string(new).as_bytes() {
        *kept = c_string(new);
    }
}

impl cloudpartner_resource {
    pub(crate) fn new(resource: Resource) -> cloudpartner_resource {
        cloudpartner_resource {
            id: c_string(resource.id()),
            schema: c_string(resource.schema()),
            resource_type: c_string(resource.resource_type()),
            external_id: c_string(resource.external_id()),
            resource,
        }
    }

    fn replace(&mut self, resource: Resource) {
        keep_if_same(&mut self.id, resource.id());
        keep_if_same(&mut self.schema, resource.schema());
        keep_if_same(&mut self.resource_type, resource.resource_type());
        keep_if_same(&mut self.external_id, resource.external_id());
        self.resource = resource;
    }
}

/// Parses a resource: the `len` bytes at `json` (UTF-8 JSON, an object; they need not end
/// with a NUL), kept whole. On success `*out` gets it (free it with
/// `cloudpartner_resource_free()`); `CLOUDPARTNER_ERROR_PARSE` for anything but a JSON
/// object (`cloudpartner_error_line()` / `_column()` say where),
/// `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` when `json` or `out` is NULL. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_parse_resource(
    json: *const c_char,
    len: usize,
    out: *mut *mut cloudpartner_resource,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_parse_resource", err, [out: out_arg] => {
        // SAFETY: `json` is NULL or `len` readable bytes (the documented contract).
        let bytes = unsafe { ffi::bytes_arg(FUNCTION, json, len) }?;
        out.set(cloudpartner_resource::new(Resource::parse(bytes)?));
        Ok(())
    })
}

/// The resource's durable id (`plan/<guid>/<guid>`), `""` when it has none yet; borrowed
/// (valid until a `_set_json()` changes it, or the resource is freed). NULL when
/// `resource` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_resource_id(
    resource: *const cloudpartner_resource,
) -> *const c_char {
    ffi::accessor!(resource, ptr::null(), |r| r.id.as_ptr())
}

/// Its `$schema` URL; borrowed as `cloudpartner_resource_id()`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_resource_schema(
    resource: *const cloudpartner_resource,
) -> *const c_char {
    ffi::accessor!(resource, ptr::null(), |r| r.schema.as_ptr())
}

/// Its type, named by its `$schema` (`"product"`, `"plan"`,
/// `"virtual-machine-plan-technical-configuration"`, ...), `""` when unknown; borrowed as
/// `cloudpartner_resource_id()`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_resource_type(
    resource: *const cloudpartner_resource,
) -> *const c_char {
    ffi::accessor!(resource, ptr::null(), |r| r.resource_type.as_ptr())
}

/// Its `identity.externalId` (a product's offer id, a plan's plan id), `""` when it has
/// none; borrowed as `cloudpartner_resource_id()`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_resource_external_id(
    resource: *const cloudpartner_resource,
) -> *const c_char {
    ffi::accessor!(resource, ptr::null(), |r| r.external_id.as_ptr())
}

/// The whole resource as JSON text, lossless (every field, key order, exact numbers).
/// Free it with `cloudpartner_string_free()`. NULL when `resource` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_resource_json(
    resource: *const cloudpartner_resource,
) -> *mut c_char {
    ffi::accessor!(resource, ptr::null_mut(), |r| into_raw_string(
        &r.resource.to_json()
    ))
}

/// Replaces the whole resource with the `len` bytes at `json` (a JSON object, kept
/// losslessly): what `cloudpartner_ingestion_client_configure()` sends is the resource
/// as it is then. The strings it lent stay valid while their value is unchanged. On
/// failure the resource is left as it was: `CLOUDPARTNER_ERROR_PARSE` for anything but a
/// JSON object, `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL argument. `err` may be
/// NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_resource_set_json(
    resource: *mut cloudpartner_resource,
    json: *const c_char,
    len: usize,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_resource_set_json", err, [resource: mut_arg] => {
        // SAFETY: `json` is NULL or `len` readable bytes (the documented contract).
        let bytes = unsafe { ffi::bytes_arg(FUNCTION, json, len) }?;
        resource.replace(Resource::parse(bytes)?);
        Ok(())
    })
}

/// A copy of a resource (say, one a tree lends, to edit it): free it with
/// `cloudpartner_resource_free()`. NULL when `resource` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_resource_clone(
    resource: *const cloudpartner_resource,
) -> *mut cloudpartner_resource {
    ffi::accessor!(resource, ptr::null_mut(), |r| Box::into_raw(Box::new(
        cloudpartner_resource::new(r.resource.clone())
    )))
}

/// Frees a resource. NULL is fine. Never free a borrowed one (a tree's, a product's).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_resource_free(resource: *mut cloudpartner_resource) {
    ffi::free_box(resource)
}

/// A product (`type` `product`): its resource and its typed fields. Opaque; free it with
/// `cloudpartner_product_free()` (unless borrowed from a list or a tree).
pub struct cloudpartner_product {
    resource: cloudpartner_resource,
    alias: CString,
    product_type: CString,
    lifecycle_state: CString,
}

impl cloudpartner_product {
    pub(crate) fn new(product: Product) -> cloudpartner_product {
        cloudpartner_product {
            alias: c_string(product.alias()),
            product_type: c_string(product.product_type()),
            lifecycle_state: c_string(product.lifecycle_state().as_wire()),
            resource: cloudpartner_resource::new(product.resource().clone()),
        }
    }
}

/// The product's durable id, `product/<guid>` (what every `product` argument of the
/// client also takes); borrowed from the product. NULL when `product` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_product_id(
    product: *const cloudpartner_product,
) -> *const c_char {
    ffi::accessor!(product, ptr::null(), |p| p.resource.id.as_ptr())
}

/// The product's external id: the offer id users know; borrowed from the product.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_product_external_id(
    product: *const cloudpartner_product,
) -> *const c_char {
    ffi::accessor!(product, ptr::null(), |p| p.resource.external_id.as_ptr())
}

/// The product's alias (its name in Partner Center); borrowed from the product.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_product_alias(
    product: *const cloudpartner_product,
) -> *const c_char {
    ffi::accessor!(product, ptr::null(), |p| p.alias.as_ptr())
}

/// The product's type (`"azureVirtualMachine"`); borrowed from the product.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_product_type(
    product: *const cloudpartner_product,
) -> *const c_char {
    ffi::accessor!(product, ptr::null(), |p| p.product_type.as_ptr())
}

/// The product's lifecycle state as on the wire (`"generallyAvailable"`); borrowed from
/// the product.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_product_lifecycle_state(
    product: *const cloudpartner_product,
) -> *const c_char {
    ffi::accessor!(product, ptr::null(), |p| p.lifecycle_state.as_ptr())
}

/// The product's whole resource, lossless; borrowed from the product (clone it with
/// `cloudpartner_resource_clone()` to keep or edit it). NULL when `product` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_product_resource(
    product: *const cloudpartner_product,
) -> *const cloudpartner_resource {
    ffi::accessor!(product, ptr::null(), |p| &p.resource
        as *const cloudpartner_resource)
}

/// Frees a product. NULL is fine. Never free a borrowed one.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_product_free(product: *mut cloudpartner_product) {
    ffi::free_box(product)
}

/// A list of products (`cloudpartner_ingestion_client_products()`,
/// `cloudpartner_parse_product_page()`). Opaque; owns its products. Free it with
/// `cloudpartner_product_list_free()`.
pub struct cloudpartner_product_list {
    products: Vec<cloudpartner_product>,
    next_link: Option<CString>,
}

impl cloudpartner_product_list {
    pub(crate) fn new(products: Vec<Product>) -> cloudpartner_product_list {
        cloudpartner_product_list {
            products: products
                .into_iter()
                .map(cloudpartner_product::new)
                .collect(),
            next_link: None,
        }
    }
}

/// Parses one page of `GET product` (`{"value": [...], "@nextLink": ...}`): the `len`
/// bytes at `json`. On success `*out` gets its products (free it with
/// `cloudpartner_product_list_free()`), and `cloudpartner_product_list_next_link()` its
/// next link. `CLOUDPARTNER_ERROR_PARSE` for anything else; `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_parse_product_page(
    json: *const c_char,
    len: usize,
    out: *mut *mut cloudpartner_product_list,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_parse_product_page", err, [out: out_arg] => {
        // SAFETY: `json` is NULL or `len` readable bytes (the documented contract).
        let bytes = unsafe { ffi::bytes_arg(FUNCTION, json, len) }?;
        let page = parse_page(bytes)?;
        let mut list = cloudpartner_product_list::new(
            page.resources.into_iter().map(Product::from_resource).collect(),
        );
        list.next_link = page.next_link.as_deref().map(c_string);
        out.set(list);
        Ok(())
    })
}

/// How many products the list holds; 0 when `list` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_product_list_count(
    list: *const cloudpartner_product_list,
) -> usize {
    ffi::accessor!(list, 0, |l| l.products.len())
}

/// Product `index`, borrowed from the list; NULL when out of range or `list` is NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_product_list_get(
    list: *const cloudpartner_product_list,
    index: usize,
) -> *const cloudpartner_product {
    ffi::accessor!(list, ptr::null(), |l| ffi::item(&l.products, index))
}

/// A parsed page's `@nextLink`, borrowed from the list; NULL when there is none (always
/// for `cloudpartner_ingestion_client_products()`, which follows every page).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_product_list_next_link(
    list: *const cloudpartner_product_list,
) -> *const c_char {
    ffi::accessor!(list, ptr::null(), |l| ffi::borrowed_str(
        l.next_link.as_ref()
    ))
}

/// Frees a list and its products. NULL is fine.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_product_list_free(list: *mut cloudpartner_product_list) {
    ffi::free_box(list)
}
