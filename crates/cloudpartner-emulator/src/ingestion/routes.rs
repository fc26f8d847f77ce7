//! Every route under `/rp/product-ingestion/`, dispatched by hand from the
//! path's segments so that `//` and a trailing `/` are the same as `/`.

use axum::body::Bytes;
use axum::http::Method;
use axum::response::Response;

use crate::ingestion::ingestion_call::{IngestionCall, path_segments};
use crate::ingestion::job_endpoints;
use crate::ingestion::read_endpoints::{self, BASE_PATH};
use crate::ingestion::resource_types::RESOURCE_TYPES;
use crate::ingestion::wire_error::WireError;

/// Answers any request under `/rp/product-ingestion/`.
pub(crate) async fn dispatch(call: IngestionCall, body: Bytes) -> Response {
    let segments = path_segments(call.path(), BASE_PATH);
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    let get = call.method() == Method::GET;
    let post = call.method() == Method::POST;
    let method = call.method().to_string();
    match (segments.as_slice(), get, post) {
        (["product"], true, _) => read_endpoints::products(call).await,
        (["plan"], true, _) => read_endpoints::plans(call).await,
        (["resource-tree", "product", guid], true, _) => {
            read_endpoints::resource_tree(call, guid).await
        }
        (["submission", guid], true, _) => read_endpoints::submissions(call, guid, None).await,
        (["submission", guid, id], true, _) => {
            read_endpoints::submissions(call, guid, Some(id)).await
        }
        (["configure"], _, true) => job_endpoints::configure(call, body).await,
        (["configure", job, "status"], true, _) => job_endpoints::job(call, job, false).await,
        (["configure", job], true, _) => job_endpoints::job(call, job, true).await,
        (["configure", job, "cancel"], _, true) => job_endpoints::cancel(call, job).await,
        ([resource_type, _, ..], true, _) if RESOURCE_TYPES.contains(resource_type) => {
            read_endpoints::resource(call, segments.join("/")).await
        }
        (["product"] | ["plan"] | ["configure"], ..)
        | (["resource-tree", "product", _], ..)
        | (["submission", _] | ["submission", _, _], ..)
        | (["configure", _] | ["configure", _, "status" | "cancel"], ..) => {
            WireError::method_not_allowed(&method).into_response()
        }
        _ => WireError::not_found("The requested resource does not exist.").into_response(),
    }
}
