//! `GET /api/publishers` and `GET /api/publishers/{p}/offers`.

use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::http::StatusCode;
use axum::response::Response;

use crate::cpp::cpp_call::CppCall;
use crate::faults::fault_route::FaultRoute;
use crate::http::api_call::path_ids;
use crate::http::error_response::json_response;

/// `GET /api/publishers`: `[{id, version, definition{displayText, offerTypeCategories, sellerId}}]`.
pub(crate) async fn publishers(call: CppCall) -> Response {
    call.answer(FaultRoute::Publishers, None, None, |call| {
        json_response(StatusCode::OK, call.state().publishers_json().to_string())
    })
    .await
}

/// `GET /api/publishers/{p}/offers`: the summaries of the publisher's offers
/// (their documents with a definition of `displayText` only).
pub(crate) async fn offers(
    call: CppCall,
    publisher: Result<Path<String>, PathRejection>,
) -> Response {
    let publisher = match path_ids(publisher) {
        Ok(publisher) => publisher,
        Err(error) => return error.into_response(),
    };
    if let Err(error) = call.state().require_publisher(&publisher) {
        return error.into_response();
    }
    call.answer(
        FaultRoute::Offers,
        Some(&publisher),
        None,
        |call| match call.state().offers_json(&publisher) {
            Ok(offers) => json_response(StatusCode::OK, offers.to_string()),
            Err(error) => error.into_response(),
        },
    )
    .await
}
