//! `POST …/offers/{o}/publish`, `…/golive` and `…/cancel`.
//!
//! Publish and go-live answer 202 with `Location` and `Operation-Location`
//! naming the operation they started; cancel answers 202 with both naming
//! the operation it canceled (which is `canceled` at once), or 200 with an
//! empty body when nothing was running.

use axum::body::{Body, Bytes};
use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::Response;

use crate::cpp::cpp_call::CppCall;
use crate::cpp::offer::OperationHandle;
use crate::cpp::offer_store::OfferStore;
use crate::faults::fault_route::FaultRoute;
use crate::http::api_call::path_ids;
use crate::http::error_response::ApiError;

/// The `Operation-Location` header.
const OPERATION_LOCATION: HeaderName = HeaderName::from_static("operation-location");

/// What a publishing route does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Action {
    Publish,
    GoLive,
    Cancel,
}

/// A 202 naming the operation in both location headers.
fn accepted(
    state: &OfferStore,
    publisher: &str,
    offer: &str,
    handle: &OperationHandle,
) -> Response {
    let mut response = Response::new(Body::empty());
    *response.status_mut() = StatusCode::ACCEPTED;
    if let Ok(location) = HeaderValue::try_from(state.location_of(publisher, offer, handle)) {
        response
            .headers_mut()
            .insert(header::LOCATION, location.clone());
        response.headers_mut().insert(OPERATION_LOCATION, location);
    }
    response
}

/// Runs one publishing action.
async fn act(
    call: CppCall,
    ids: Result<Path<(String, String)>, PathRejection>,
    body: Bytes,
    action: Action,
) -> Response {
    let (publisher, offer) = match path_ids(ids) {
        Ok(ids) => ids,
        Err(error) => return error.into_response(),
    };
    if let Err(error) = call.state().require_offer_document(&publisher, &offer) {
        return error.into_response();
    }
    let route = match action {
        Action::Publish => FaultRoute::Publish,
        Action::GoLive => FaultRoute::GoLive,
        Action::Cancel => FaultRoute::Cancel,
    };
    call.answer(route, Some(&publisher), Some(&offer), |call| {
        let state = call.state();
        let outcome: Result<Option<OperationHandle>, ApiError> = match action {
            Action::Publish => state.publish(&publisher, &offer, &body).map(Some),
            Action::GoLive => state.go_live(&publisher, &offer, &body).map(Some),
            Action::Cancel => state.cancel(&publisher, &offer, &body),
        };
        match outcome {
            Ok(Some(handle)) => accepted(state, &publisher, &offer, &handle),
            Ok(None) => Response::new(Body::empty()),
            Err(error) => error.into_response(),
        }
    })
    .await
}

/// `POST …/publish`: 202; 409 `OperationInProgress`; 422 `InvalidOffer`.
pub(crate) async fn publish(
    call: CppCall,
    ids: Result<Path<(String, String)>, PathRejection>,
    body: Bytes,
) -> Response {
    act(call, ids, body, Action::Publish).await
}

/// `POST …/golive`: 202; 409 unless the offer waits for publisher review.
pub(crate) async fn go_live(
    call: CppCall,
    ids: Result<Path<(String, String)>, PathRejection>,
    body: Bytes,
) -> Response {
    act(call, ids, body, Action::GoLive).await
}

/// `POST …/cancel`: 202 naming the canceled operation, or 200 when none ran.
pub(crate) async fn cancel(
    call: CppCall,
    ids: Result<Path<(String, String)>, PathRejection>,
    body: Bytes,
) -> Response {
    act(call, ids, body, Action::Cancel).await
}
