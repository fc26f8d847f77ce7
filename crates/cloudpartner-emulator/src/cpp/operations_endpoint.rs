//! Operations: `GET …/offers/{o}/submissions?status=S` (or
//! `submissionState=S`), `GET …/offers/{o}/operations/{id}` and the legacy
//! `GET /api/operations/{p}${o}${n}${slot}`.

use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::http::StatusCode;
use axum::response::Response;

use crate::cpp::cpp_call::CppCall;
use crate::cpp::operation_kinds::OperationState;
use crate::faults::fault_route::FaultRoute;
use crate::http::api_call::path_ids;
use crate::http::error_response::{ApiError, json_response};
use crate::http::request_checks::query_parameter;

/// `GET …/submissions`: the offer's operations, oldest first, filtered by
/// `status` or `submissionState` when given (read leniently).
pub(crate) async fn submissions(
    call: CppCall,
    ids: Result<Path<(String, String)>, PathRejection>,
) -> Response {
    let (publisher, offer) = match path_ids(ids) {
        Ok(ids) => ids,
        Err(error) => return error.into_response(),
    };
    let query = call.query().unwrap_or("");
    let filter = query_parameter(query, "status")
        .or_else(|| query_parameter(query, "submissionState"))
        .filter(|text| !text.is_empty());
    let filter = match filter
        .as_deref()
        .map(|text| (text, OperationState::from_filter(text)))
    {
        None => None,
        Some((_, Some(state))) => Some(state),
        Some((text, None)) => {
            let known: Vec<&str> = OperationState::ALL
                .iter()
                .map(|state| state.name())
                .collect();
            return ApiError::bad_request(format!(
                "The status filter '{text}' is unknown; use one of {}.",
                known.join(", ")
            ))
            .into_response();
        }
    };
    if let Err(error) = call.state().require_offer_document(&publisher, &offer) {
        return error.into_response();
    }
    call.answer(
        FaultRoute::Operations,
        Some(&publisher),
        Some(&offer),
        |call| match call.state().operations(&publisher, &offer, filter) {
            Ok(operations) => json_response(StatusCode::OK, operations.to_string()),
            Err(error) => error.into_response(),
        },
    )
    .await
}

/// `GET …/operations/{id}`.
pub(crate) async fn operation(
    call: CppCall,
    ids: Result<Path<(String, String, String)>, PathRejection>,
) -> Response {
    let (publisher, offer, id) = match path_ids(ids) {
        Ok(ids) => ids,
        Err(error) => return error.into_response(),
    };
    if let Err(error) = call.state().operation(&publisher, &offer, &id) {
        return error.into_response();
    }
    call.answer(
        FaultRoute::Operation,
        Some(&publisher),
        Some(&offer),
        |call| match call.state().operation(&publisher, &offer, &id) {
            Ok(operation) => json_response(StatusCode::OK, operation.to_string()),
            Err(error) => error.into_response(),
        },
    )
    .await
}

/// `GET /api/operations/{p}${o}${n}${slot}` (`$` may be sent as `%24`).
pub(crate) async fn legacy_operation(
    call: CppCall,
    key: Result<Path<String>, PathRejection>,
) -> Response {
    let key = match path_ids(key) {
        Ok(key) => key,
        Err(error) => return error.into_response(),
    };
    let state = call.state();
    let resolved = state.resolve_legacy_key(&key).and_then(|resolved| {
        let (publisher, offer, publishing_version, kind) = &resolved;
        state
            .operation_of_release(publisher, offer, *publishing_version, *kind)
            .map(|_| resolved)
    });
    let (publisher, offer, publishing_version, kind) = match resolved {
        Ok(resolved) => resolved,
        Err(error) => return error.into_response(),
    };
    call.answer(
        FaultRoute::Operation,
        Some(&publisher),
        Some(&offer),
        |call| match call
            .state()
            .operation_of_release(&publisher, &offer, publishing_version, kind)
        {
            Ok(operation) => json_response(StatusCode::OK, operation.to_string()),
            Err(error) => error.into_response(),
        },
    )
    .await
}
