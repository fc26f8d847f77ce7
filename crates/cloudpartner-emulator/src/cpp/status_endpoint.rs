//! `GET /api/publishers/{publisherId}/offers/{offerId}/status?api-version=2017-10-31`
//!
//! After the request checks (token, api-version), the publisher and offer
//! (404 `PublisherNotFound` / `OfferNotFound`), then faults, then 200 with
//! the offer's status document.

use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::http::StatusCode;
use axum::response::Response;

use crate::cpp::cpp_call::CppCall;
use crate::cpp::offer_store::OfferLookup;
use crate::faults::fault_route::FaultRoute;
use crate::http::api_call::path_ids;
use crate::http::error_response::{ApiError, json_response};

/// Answers a status request.
pub(crate) async fn offer_status(
    call: CppCall,
    ids: Result<Path<(String, String)>, PathRejection>,
) -> Response {
    let (publisher, offer) = match path_ids(ids) {
        Ok(ids) => ids,
        Err(error) => return error.into_response(),
    };
    match call.state().lookup(&publisher, &offer) {
        OfferLookup::Found(_) => {}
        OfferLookup::PublisherNotFound => {
            return ApiError::publisher_not_found(&publisher).into_response();
        }
        OfferLookup::OfferNotFound => {
            return ApiError::offer_not_found(&publisher, &offer).into_response();
        }
    }
    call.answer(
        FaultRoute::Status,
        Some(&publisher),
        Some(&offer),
        |call| match call.state().lookup(&publisher, &offer) {
            OfferLookup::Found(document) => json_response(StatusCode::OK, document),
            OfferLookup::PublisherNotFound => {
                ApiError::publisher_not_found(&publisher).into_response()
            }
            OfferLookup::OfferNotFound => {
                ApiError::offer_not_found(&publisher, &offer).into_response()
            }
        },
    )
    .await
}
