//! What every route under `/api/` does around its own work: the request
//! checks (token, api-version), then the faults that apply, then the route's
//! answer — possibly delayed, replaced or broken by a fault.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::FromRequestParts;
use axum::extract::rejection::PathRejection;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method};
use axum::response::Response;

use crate::error_response::ApiError;
use crate::fault::{FaultRoute, FaultTarget};
use crate::fault_response::{broken_response, fault_response};
use crate::request_checks::{api_version_failure, authorization_failure};
use crate::server::ConnectionControl;
use crate::state::EmulatorState;

/// An API request that passed the token and api-version checks; handlers
/// take it as their first extractor and answer through [`ApiCall::answer`].
pub(crate) struct ApiCall {
    state: Arc<EmulatorState>,
    method: Method,
    path_and_query: String,
    query: Option<String>,
    headers: HeaderMap,
    connection: Option<ConnectionControl>,
}

impl FromRequestParts<Arc<EmulatorState>> for ApiCall {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<EmulatorState>,
    ) -> Result<ApiCall, Response> {
        if let Some(response) = authorization_failure(&parts.headers, &state.token) {
            return Err(response);
        }
        if let Some(response) = api_version_failure(parts.uri.query()) {
            return Err(response);
        }
        Ok(ApiCall {
            state: state.clone(),
            method: parts.method.clone(),
            path_and_query: parts
                .uri
                .path_and_query()
                .map(|target| target.as_str().to_owned())
                .unwrap_or_else(|| parts.uri.path().to_owned()),
            query: parts.uri.query().map(str::to_owned),
            headers: parts.headers.clone(),
            connection: parts.extensions.get::<ConnectionControl>().cloned(),
        })
    }
}

/// The ids of a request's path, or the 400 error when a segment is not
/// valid percent-encoded UTF-8.
pub(crate) fn path_ids<T>(
    ids: Result<axum::extract::Path<T>, PathRejection>,
) -> Result<T, ApiError> {
    ids.map(|axum::extract::Path(ids)| ids)
        .map_err(|rejection| {
            ApiError::bad_request(format!("The request path is invalid: {rejection}"))
        })
}

impl ApiCall {
    /// The emulator's state.
    pub fn state(&self) -> &EmulatorState {
        &self.state
    }

    /// The request's headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The request's query string, without `?`.
    pub fn query(&self) -> Option<&str> {
        self.query.as_deref()
    }

    /// Answers the request: fires the faults that apply to it (the caller
    /// has done its not-found checks), waits out their latency, then either
    /// lets a fault answer instead of `act`, or runs `act` and lets a fault
    /// break its response, or just runs `act`.
    pub async fn answer(
        self,
        route: FaultRoute,
        publisher: Option<&str>,
        offer: Option<&str>,
        act: impl FnOnce(&ApiCall) -> Response,
    ) -> Response {
        let plan = self.state.fire_faults(&FaultTarget {
            route,
            method: self.method.as_str(),
            publisher,
            offer,
        });
        if plan.latency_ms > 0 {
            tokio::time::sleep(Duration::from_millis(plan.latency_ms)).await;
        }
        match plan.answer {
            None => act(&self),
            Some(kind) if kind.breaks_the_real_response() => {
                let response = act(&self);
                broken_response(kind, response).await
            }
            Some(kind) => {
                fault_response(kind, &self.path_and_query, self.connection.as_ref()).await
            }
        }
    }
}
