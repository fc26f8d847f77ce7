//! `cloudpartner_ingestion_client`: a client of the Product Ingestion API built from
//! `cloudpartner_client_options`, and a blocking function per endpoint.

use std::ffi::c_char;

use cloudpartner::ingestion::{Client, Resource, Target};
use serde_json::Value;

use super::job::cloudpartner_job;
use super::resource::{cloudpartner_product, cloudpartner_product_list, cloudpartner_resource};
use super::submission::{cloudpartner_product_status, cloudpartner_submission_list};
use super::tree::cloudpartner_resource_tree;
use crate::error::{cloudpartner_error, cloudpartner_error_kind};
use crate::ffi;
use crate::options::{self, cloudpartner_client_options, cloudpartner_client_options_default};
use crate::runtime;

/// A client of the Product Ingestion API (`https://graph.microsoft.com/rp/product-ingestion`,
/// a Microsoft Graph token): one connection pool and one token cache. Opaque; free it
/// with `cloudpartner_ingestion_client_free()`.
///
/// A `product` argument of its functions is an offer id (the product's external id) or a
/// durable id `product/<guid>` (`cloudpartner_product_id()`).
///
/// Thread safety: any number of threads may make blocking calls on one client at the same
/// time; free it only once no call on it is running.
pub struct cloudpartner_ingestion_client {
    client: Client,
}

impl cloudpartner_ingestion_client {
    pub(crate) fn client(&self) -> &Client {
        &self.client
    }
}

/// Creates a client of the Product Ingestion API from the same options as
/// `cloudpartner_client_new()` (`opts` may be NULL for every default): its base URL is
/// `opts->ingestion_base_url` (NULL: `CLOUDPARTNER_INGESTION_URL`, else
/// `https://graph.microsoft.com/rp/product-ingestion`), its version
/// `opts->ingestion_version` (NULL: `2022-07-01`); the credential chain asks for a
/// Microsoft Graph token. On success `*out` gets the client: free it with
/// `cloudpartner_ingestion_client_free()`. On failure `*out` is NULL:
/// `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a bad option,
/// `CLOUDPARTNER_ERROR_AUTHENTICATION` when no credential is found. No request is made
/// here. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_client_new(
    opts: *const cloudpartner_client_options,
    out: *mut *mut cloudpartner_ingestion_client,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_ingestion_client_new", err, [out: out_arg] => {
        // SAFETY: the caller passes NULL or live options.
        let opts = unsafe { opts.as_ref() }
            .copied()
            .unwrap_or_else(|| cloudpartner_client_options_default());
        // SAFETY: the option strings are NULL or NUL-terminated (the documented contract).
        let options = unsafe { options::client_options(FUNCTION, &opts) }?;
        let runtime = runtime::runtime()?;
        let _context = runtime.enter();
        out.set(cloudpartner_ingestion_client {
            client: Client::new(options)?,
        });
        Ok(())
    })
}

/// Frees a client. NULL is fine. No call on it may be running.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_client_free(
    client: *mut cloudpartner_ingestion_client,
) {
    ffi::free_box(client)
}

/// Every product of the account (`GET product`, every page followed). On success `*out`
/// gets the list: free it with `cloudpartner_product_list_free()`. On failure `*out` is
/// NULL and the kind says why (`CLOUDPARTNER_ERROR_AUTHENTICATION`, ...). `err` may be
/// NULL. Like every function of this client: blocking, transient failures retried, safe
/// from several threads.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_client_products(
    client: *const cloudpartner_ingestion_client,
    out: *mut *mut cloudpartner_product_list,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_ingestion_client_products", err, [
        out: out_arg,
        client: ref_arg,
    ] => {
        let products = runtime::block_on(client.client.products())??;
        out.set(cloudpartner_product_list::new(products));
        Ok(())
    })
}

/// One product, by offer id or durable id. On success `*out` gets it: free it with
/// `cloudpartner_product_free()`. `CLOUDPARTNER_ERROR_NOT_FOUND` when there is none;
/// `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL, empty or non-UTF-8 argument. `err`
/// may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_client_product(
    client: *const cloudpartner_ingestion_client,
    product: *const c_char,
    out: *mut *mut cloudpartner_product,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_ingestion_client_product", err, [
        out: out_arg,
        client: ref_arg,
        product: str_arg,
    ] => {
        let product = runtime::block_on(client.client.product(product))??;
        out.set(cloudpartner_product::new(product));
        Ok(())
    })
}

/// The target named by `target` (NULL: the draft).
fn target_arg(function: &str, target: Option<&str>) -> cloudpartner::Result<Target> {
    match target.map(Target::from_wire) {
        None => Ok(Target::Draft),
        Some(Target::Unknown(raw)) => Err(ffi::bad_argument(
            function,
            "target",
            &format!("is \"{raw}\": give \"draft\", \"preview\" or \"live\" (or NULL: draft)"),
        )),
        Some(target) => Ok(target),
    }
}

/// A product's resource tree for `target` (`"draft"`, `"preview"`, `"live"`; NULL: the
/// draft). On success `*out` gets it: free it with `cloudpartner_resource_tree_free()`.
/// `CLOUDPARTNER_ERROR_NOT_FOUND` for an unknown product;
/// `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for another target or a NULL or non-UTF-8
/// argument. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_client_resource_tree(
    client: *const cloudpartner_ingestion_client,
    product: *const c_char,
    target: *const c_char,
    out: *mut *mut cloudpartner_resource_tree,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_ingestion_client_resource_tree", err, [
        out: out_arg,
        client: ref_arg,
        product: str_arg,
        target: opt_str_arg,
    ] => {
        let target = target_arg(FUNCTION, target)?;
        let tree = runtime::block_on(client.client.resource_tree(product, target))??;
        out.set(cloudpartner_resource_tree::new(tree));
        Ok(())
    })
}

/// One resource (its draft) by durable id
/// (`virtual-machine-plan-technical-configuration/<guid>/<guid>`). On success `*out` gets
/// it: free it with `cloudpartner_resource_free()`. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_client_resource(
    client: *const cloudpartner_ingestion_client,
    durable_id: *const c_char,
    out: *mut *mut cloudpartner_resource,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_ingestion_client_resource", err, [
        out: out_arg,
        client: ref_arg,
        durable_id: str_arg,
    ] => {
        let resource = runtime::block_on(client.client.resource(durable_id))??;
        out.set(cloudpartner_resource::new(resource));
        Ok(())
    })
}

/// The resources of `resources_json`: a JSON array of resource objects, or an object
/// with such a `resources` array (a configure request as written), kept losslessly.
fn resources_arg(function: &str, json: &str) -> cloudpartner::Result<Vec<Resource>> {
    let bad = |what: String| ffi::bad_argument(function, "resources_json", &what);
    let value: Value = serde_json::from_str(json).map_err(|e| bad(format!("is not JSON: {e}")))?;
    let items = match value {
        Value::Array(items) => items,
        Value::Object(mut request) => match request.remove("resources") {
            Some(Value::Array(items)) => items,
            _ => return Err(bad("is an object without a `resources` array".into())),
        },
        _ => return Err(bad("is neither an array nor {\"resources\": [...]}".into())),
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            Resource::from_value(item).map_err(|e| bad(format!("item {i}: {}", e.message())))
        })
        .collect()
}

/// Sends resources to `POST configure` (never twice where the service may have acted)
/// and gives the configure job (usually not done yet: follow it with
/// `cloudpartner_ingestion_client_wait_for_job()`). `resources_json` is a JSON array of
/// resources, or `{"resources": [...]}`, sent as written (say,
/// `cloudpartner_technical_configuration_json()` in brackets). On success `*out` gets the
/// job: free it with `cloudpartner_job_free()`. `CLOUDPARTNER_ERROR_BAD_REQUEST` when the
/// service refuses the request; `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`, with nothing sent,
/// for JSON that is not that shape or a NULL argument. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_client_configure(
    client: *const cloudpartner_ingestion_client,
    resources_json: *const c_char,
    out: *mut *mut cloudpartner_job,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_ingestion_client_configure", err, [
        out: out_arg,
        client: ref_arg,
        resources_json: str_arg,
    ] => {
        let resources = resources_arg(FUNCTION, resources_json)?;
        let job = runtime::block_on(client.client.configure(&resources))??;
        out.set(cloudpartner_job::new(job));
        Ok(())
    })
}

/// A configure job's status now. On success `*out` gets the job: free it with
/// `cloudpartner_job_free()`. `CLOUDPARTNER_ERROR_NOT_FOUND` for an unknown job. `err`
/// may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_client_job(
    client: *const cloudpartner_ingestion_client,
    job_id: *const c_char,
    out: *mut *mut cloudpartner_job,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_ingestion_client_job", err, [
        out: out_arg,
        client: ref_arg,
        job_id: str_arg,
    ] => {
        let job = runtime::block_on(client.client.job(job_id))??;
        out.set(cloudpartner_job::new(job));
        Ok(())
    })
}

/// Cancels a running configure job and gives its status (result `cancelled`).
/// `CLOUDPARTNER_ERROR_BAD_REQUEST` when it has already completed. On success `*out` gets
/// the job: free it with `cloudpartner_job_free()`. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_client_cancel_job(
    client: *const cloudpartner_ingestion_client,
    job_id: *const c_char,
    out: *mut *mut cloudpartner_job,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_ingestion_client_cancel_job", err, [
        out: out_arg,
        client: ref_arg,
        job_id: str_arg,
    ] => {
        let job = runtime::block_on(client.client.cancel_job(job_id))??;
        out.set(cloudpartner_job::new(job));
        Ok(())
    })
}

/// A product's submissions (the draft entry, the preview and live publishes). On success
/// `*out` gets the list: free it with `cloudpartner_submission_list_free()`. `err` may be
/// NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_client_submissions(
    client: *const cloudpartner_ingestion_client,
    product: *const c_char,
    out: *mut *mut cloudpartner_submission_list,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_ingestion_client_submissions", err, [
        out: out_arg,
        client: ref_arg,
        product: str_arg,
    ] => {
        let submissions = runtime::block_on(client.client.submissions(product))??;
        out.set(cloudpartner_submission_list::new(submissions));
        Ok(())
    })
}

/// Where a product stands now (its stage, its latest preview and live submissions). On
/// success `*out` gets it: free it with `cloudpartner_product_status_free()`. `err` may
/// be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_client_product_status(
    client: *const cloudpartner_ingestion_client,
    product: *const c_char,
    out: *mut *mut cloudpartner_product_status,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_ingestion_client_product_status", err, [
        out: out_arg,
        client: ref_arg,
        product: str_arg,
    ] => {
        let status = runtime::block_on(client.client.product_status(product))??;
        out.set(cloudpartner_product_status::new(status));
        Ok(())
    })
}

/// Publishes a product's draft to preview (certification follows). Refused with
/// `CLOUDPARTNER_ERROR_CONFLICT`, nothing sent, while a submission is in progress (the
/// message names it). On success `*out` gets the configure job: free it with
/// `cloudpartner_job_free()`. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_client_publish(
    client: *const cloudpartner_ingestion_client,
    product: *const c_char,
    out: *mut *mut cloudpartner_job,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_ingestion_client_publish", err, [
        out: out_arg,
        client: ref_arg,
        product: str_arg,
    ] => {
        let job = runtime::block_on(client.client.publish(product))??;
        out.set(cloudpartner_job::new(job));
        Ok(())
    })
}

/// Pushes a product's latest succeeded preview to live. Refused with
/// `CLOUDPARTNER_ERROR_CONFLICT`, nothing sent, when no preview newer than live succeeded
/// (the message says what the preview and live submissions are). On success `*out` gets
/// the configure job: free it with `cloudpartner_job_free()`. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_ingestion_client_go_live(
    client: *const cloudpartner_ingestion_client,
    product: *const c_char,
    out: *mut *mut cloudpartner_job,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_ingestion_client_go_live", err, [
        out: out_arg,
        client: ref_arg,
        product: str_arg,
    ] => {
        let job = runtime::block_on(client.client.go_live(product))??;
        out.set(cloudpartner_job::new(job));
        Ok(())
    })
}
