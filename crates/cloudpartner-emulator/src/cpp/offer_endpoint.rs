//! The offer document: `GET` and `PUT /api/publishers/{p}/offers/{o}`,
//! `GET …/versions/{n}` and `GET …/slot/{Draft|Preview|Production}`.

use axum::body::Bytes;
use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use serde_json::Value;

use crate::cpp::cpp_call::CppCall;
use crate::cpp::offer_document::{Document, OfferSlot};
use crate::cpp::offer_store::DocumentSelector;
use crate::faults::fault_route::FaultRoute;
use crate::http::api_call::path_ids;
use crate::http::error_response::{ApiError, json_response};

/// A JSON document response, with an `ETag` header when given one.
fn document_response(status: StatusCode, document: Document, etag: Option<String>) -> Response {
    let mut response = json_response(status, Value::Object(document).to_string());
    if let Some(etag) = etag.and_then(|etag| HeaderValue::try_from(etag).ok()) {
        response.headers_mut().insert(header::ETAG, etag);
    }
    response
}

/// Answers a read of one of an offer's documents.
async fn read(
    call: CppCall,
    publisher: String,
    offer: String,
    selector: DocumentSelector,
) -> Response {
    if let Err(error) = call.state().read_document(&publisher, &offer, selector) {
        return error.into_response();
    }
    call.answer(
        FaultRoute::Offer,
        Some(&publisher),
        Some(&offer),
        |call| match call.state().read_document(&publisher, &offer, selector) {
            Ok(read) => document_response(StatusCode::OK, read.document, read.etag),
            Err(error) => error.into_response(),
        },
    )
    .await
}

/// `GET /api/publishers/{p}/offers/{o}`: the draft, with its ETag.
pub(crate) async fn get_offer(
    call: CppCall,
    ids: Result<Path<(String, String)>, PathRejection>,
) -> Response {
    match path_ids(ids) {
        Ok((publisher, offer)) => {
            read(
                call,
                publisher,
                offer,
                DocumentSelector::Slot(OfferSlot::Draft),
            )
            .await
        }
        Err(error) => error.into_response(),
    }
}

/// `GET …/offers/{o}/versions/{n}`: the draft as it was at version `n`.
pub(crate) async fn get_version(
    call: CppCall,
    ids: Result<Path<(String, String, String)>, PathRejection>,
) -> Response {
    let (publisher, offer, version) = match path_ids(ids) {
        Ok(ids) => ids,
        Err(error) => return error.into_response(),
    };
    let Ok(version) = version.parse::<u64>() else {
        return ApiError::bad_request(format!(
            "The offer version '{version}' is not a whole number."
        ))
        .into_response();
    };
    read(call, publisher, offer, DocumentSelector::Version(version)).await
}

/// `GET …/offers/{o}/slot/{slot}`, the slot named case-insensitively.
pub(crate) async fn get_slot(
    call: CppCall,
    ids: Result<Path<(String, String, String)>, PathRejection>,
) -> Response {
    let (publisher, offer, slot) = match path_ids(ids) {
        Ok(ids) => ids,
        Err(error) => return error.into_response(),
    };
    let Some(slot) = OfferSlot::from_name(&slot) else {
        return ApiError::bad_request(format!(
            "The slot '{slot}' is unknown; the slots are Draft, Preview and Production."
        ))
        .into_response();
    };
    read(call, publisher, offer, DocumentSelector::Slot(slot)).await
}

/// `PUT /api/publishers/{p}/offers/{o}`: 201 created or 200 updated, with
/// the document as stored and its ETag; 400, 404, 409 or 412 otherwise.
pub(crate) async fn put_offer(
    call: CppCall,
    ids: Result<Path<(String, String)>, PathRejection>,
    body: Bytes,
) -> Response {
    let (publisher, offer) = match path_ids(ids) {
        Ok(ids) => ids,
        Err(error) => return error.into_response(),
    };
    if let Err(error) = call.state().require_publisher(&publisher) {
        return error.into_response();
    }
    call.answer(
        FaultRoute::Put,
        Some(&publisher),
        Some(&offer),
        |call| match call
            .state()
            .put_document(&publisher, &offer, call.headers(), &body)
        {
            Ok(stored) => document_response(stored.written.status(), stored.document, stored.etag),
            Err(error) => error.into_response(),
        },
    )
    .await
}
