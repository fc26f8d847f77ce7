//! What every API route does around its own work: the request
//! checks of its API (token, version), then the faults that apply, then the route's
//! answer — possibly delayed, replaced or broken by a fault.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::FromRequestParts;
use axum::extract::rejection::PathRejection;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method};
use axum::response::Response;

use crate::faults::fault_response::{broken_response, fault_response};
use crate::faults::fault_route::{FaultRoute, FaultTarget};
use crate::http::api_context::ApiContext;
use crate::http::connection_control::ConnectionControl;
use crate::http::error_response::ApiError;
use crate::http::request_rules::RequestRules;
use crate::http::shared_state::SharedState;

/// An API request that passed the token and api-version checks; handlers
/// take it as their first extractor and answer through [`ApiCall::answer`].
pub(crate) struct ApiCall<S> {
    shared: Arc<SharedState>,
    state: Arc<S>,
    rules: &'static RequestRules,
    method: Method,
    path: String,
    path_and_query: String,
    query: Option<String>,
    headers: HeaderMap,
    connection: Option<ConnectionControl>,
}

impl<S: Send + Sync> FromRequestParts<ApiContext<S>> for ApiCall<S> {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        context: &ApiContext<S>,
    ) -> Result<ApiCall<S>, Response> {
        if let Some(response) = (context.rules.check)(parts, &context.shared) {
            return Err(response);
        }
        Ok(ApiCall {
            shared: context.shared.clone(),
            state: context.api.clone(),
            rules: context.rules,
            method: parts.method.clone(),
            path: parts.uri.path().to_owned(),
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

impl<S> ApiCall<S> {
    /// The API's own state.
    pub fn state(&self) -> &S {
        &self.state
    }

    /// The HTTP method.
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// The request's path as sent, still percent-encoded.
    pub fn path(&self) -> &str {
        &self.path
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
        act: impl FnOnce(&ApiCall<S>) -> Response,
    ) -> Response {
        let plan = self.shared.fire_faults(&FaultTarget {
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
                fault_response(
                    kind,
                    &self.path_and_query,
                    self.connection.as_ref(),
                    self.rules.status_error,
                )
                .await
            }
        }
    }
}
