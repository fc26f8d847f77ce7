//! The Microsoft Entra (Azure AD) token endpoints, client credentials only:
//! `POST /{tenant}/oauth2/token` (v1, form field `resource`) and
//! `POST /{tenant}/oauth2/v2.0/token` (v2, form field `scope`, which must end
//! in `/.default`). A client listed in the scenario gets the scenario's token;
//! anything else gets an AAD-style error. Faults do not apply here.
//! Client credentials are read from the form body only (not HTTP Basic).

use std::sync::Arc;

use axum::extract::rejection::{FormRejection, PathRejection};
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::routing::post;
use axum::{Form, Router};
use serde::Serialize;

use crate::http::error_response::json_response;
use crate::http::shared_state::SharedState;

/// Seconds until an issued token expires.
const EXPIRES_IN: u64 = 3599;

/// The version of the token endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum EndpointVersion {
    V1,
    V2,
}

/// The token endpoints' routes, holding their state.
pub(crate) fn routes(state: Arc<SharedState>) -> Router {
    Router::new()
        .route("/{tenant}/oauth2/token", post(token_v1))
        .route("/{tenant}/oauth2/v2.0/token", post(token_v2))
        .with_state(state)
}

/// `POST /{tenant}/oauth2/token`
async fn token_v1(
    State(state): State<Arc<SharedState>>,
    tenant: Result<Path<String>, PathRejection>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    issue_token(&state, EndpointVersion::V1, tenant, form)
}

/// `POST /{tenant}/oauth2/v2.0/token`
async fn token_v2(
    State(state): State<Arc<SharedState>>,
    tenant: Result<Path<String>, PathRejection>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    issue_token(&state, EndpointVersion::V2, tenant, form)
}

/// A successful token response; v1 adds `expires_on`, `not_before` and `resource`.
#[derive(Serialize)]
struct TokenResponse<'a> {
    token_type: &'static str,
    expires_in: u64,
    ext_expires_in: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    expires_on: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    not_before: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    resource: Option<&'a str>,
    access_token: &'a str,
}

/// An AAD error response.
#[derive(Serialize)]
struct TokenError {
    error: &'static str,
    error_description: String,
    error_codes: [u32; 1],
    timestamp: String,
    trace_id: String,
    correlation_id: String,
}

/// Checks a client-credentials request and issues the scenario's token.
fn issue_token(
    state: &SharedState,
    version: EndpointVersion,
    tenant: Result<Path<String>, PathRejection>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let Ok(Path(tenant)) = tenant else {
        return token_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            90002,
            String::from("AADSTS90002: The tenant in the request path is invalid."),
        );
    };
    let Ok(Form(fields)) = form else {
        return missing_parameter("grant_type", 900144);
    };
    let field = |name: &str| {
        fields
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .filter(|value| !value.is_empty())
    };

    match field("grant_type") {
        None => return missing_parameter("grant_type", 900144),
        Some("client_credentials") => {}
        Some(grant_type) => {
            return token_error(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                70003,
                format!(
                    "AADSTS70003: The app requested an unsupported grant type '{grant_type}'. This emulator supports only 'client_credentials'."
                ),
            );
        }
    }
    let Some(client_id) = field("client_id") else {
        return missing_parameter("client_id", 900144);
    };
    let resource = match version {
        EndpointVersion::V1 => match field("resource") {
            Some(resource) => Some(resource),
            None => return missing_parameter("resource", 900144),
        },
        EndpointVersion::V2 => match field("scope") {
            None => return missing_parameter("scope", 900144),
            Some(scope) if !scope.split_whitespace().all(|s| s.ends_with("/.default")) => {
                return token_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_scope",
                    1002012,
                    format!(
                        "AADSTS1002012: The provided value for scope '{scope}' is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI)."
                    ),
                );
            }
            Some(_) => None,
        },
    };

    if !state.clients.iter().any(|client| client.tenant == tenant) {
        return token_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            90002,
            format!("AADSTS90002: Tenant '{tenant}' not found."),
        );
    }
    let Some(client) = state
        .clients
        .iter()
        .find(|client| client.tenant == tenant && client.client_id == client_id)
    else {
        return token_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            700016,
            format!(
                "AADSTS700016: Application with identifier '{client_id}' was not found in the directory '{tenant}'."
            ),
        );
    };
    match field("client_secret") {
        None => {
            return token_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                7000216,
                String::from(
                    "AADSTS7000216: 'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.",
                ),
            );
        }
        Some(secret) if secret != client.client_secret => {
            return token_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                7000215,
                format!(
                    "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{client_id}'."
                ),
            );
        }
        Some(_) => {}
    }

    let now = chrono::Utc::now().timestamp();
    let body = TokenResponse {
        token_type: "Bearer",
        expires_in: EXPIRES_IN,
        ext_expires_in: EXPIRES_IN,
        expires_on: resource.map(|_| (now + EXPIRES_IN as i64).to_string()),
        not_before: resource.map(|_| now.to_string()),
        resource,
        access_token: &state.token,
    };
    token_json(StatusCode::OK, serde_json::to_string(&body))
}

/// The error for a missing form parameter.
fn missing_parameter(name: &str, code: u32) -> Response {
    token_error(
        StatusCode::BAD_REQUEST,
        "invalid_request",
        code,
        format!("AADSTS{code}: The request body must contain the following parameter: '{name}'."),
    )
}

/// An AAD error response.
fn token_error(
    status: StatusCode,
    error: &'static str,
    code: u32,
    description: String,
) -> Response {
    let trace_id = uuid::Uuid::new_v4().to_string();
    let correlation_id = uuid::Uuid::new_v4().to_string();
    let timestamp = chrono::Utc::now().format("%Y-%m-%d %H:%M:%SZ").to_string();
    let body = TokenError {
        error,
        error_description: format!(
            "{description}\r\nTrace ID: {trace_id}\r\nCorrelation ID: {correlation_id}\r\nTimestamp: {timestamp}"
        ),
        error_codes: [code],
        timestamp,
        trace_id,
        correlation_id,
    };
    token_json(status, serde_json::to_string(&body))
}

/// A token endpoint JSON response, never cached.
fn token_json(status: StatusCode, body: Result<String, serde_json::Error>) -> Response {
    let mut response = json_response(status, body.unwrap_or_else(|_| String::from("{}")));
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-store, no-cache"),
    );
    response
        .headers_mut()
        .insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    response
}
