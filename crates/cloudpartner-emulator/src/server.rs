//! The HTTP server: routes, the accept loop, one task per connection, and
//! what every response gets (a fresh `x-ms-request-id`, the echoed
//! `x-ms-client-request-id`). Every request is recorded before it is handled.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, Request, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use hyper::body::Incoming;
use hyper::service::Service;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, watch};
use tokio::task::JoinSet;

use crate::error_response::api_error;
use crate::recorded_request::{RecordedRequest, records_body};
use crate::state::EmulatorState;
use crate::{
    offer_endpoint, operations_endpoint, publishers_endpoint, publishing_endpoint, status_endpoint,
    token_endpoint,
};

/// The largest request body the emulator reads (32 MiB).
const REQUEST_BODY_LIMIT: usize = 32 * 1024 * 1024;

/// How long shutdown waits for requests in flight before dropping their connections.
const SHUTDOWN_GRACE: Duration = Duration::from_millis(500);

/// The request id header of every response.
const REQUEST_ID: HeaderName = HeaderName::from_static("x-ms-request-id");

/// The client's request id header, echoed back.
const CLIENT_REQUEST_ID: HeaderName = HeaderName::from_static("x-ms-client-request-id");

/// Lets a handler drop the connection its request came on, without sending
/// a response (the `reset` fault). Handlers find it in the request extensions.
#[derive(Clone, Debug, Default)]
pub(crate) struct ConnectionControl {
    reset: Arc<Notify>,
}

impl ConnectionControl {
    /// Asks the connection's task to drop the connection.
    pub fn reset(&self) {
        self.reset.notify_one();
    }
}

/// The routes of the emulated API.
fn router(state: Arc<EmulatorState>) -> Router {
    const OFFER: &str = "/api/publishers/{publisher}/offers/{offer}";
    Router::new()
        .route("/api/publishers", get(publishers_endpoint::publishers))
        .route(
            "/api/publishers/{publisher}/offers",
            get(publishers_endpoint::offers),
        )
        .route(
            OFFER,
            get(offer_endpoint::get_offer).put(offer_endpoint::put_offer),
        )
        .route(
            &format!("{OFFER}/versions/{{version}}"),
            get(offer_endpoint::get_version),
        )
        .route(
            &format!("{OFFER}/slot/{{slot}}"),
            get(offer_endpoint::get_slot),
        )
        .route(
            &format!("{OFFER}/status"),
            get(status_endpoint::offer_status),
        )
        .route(
            &format!("{OFFER}/publish"),
            post(publishing_endpoint::publish),
        )
        .route(
            &format!("{OFFER}/golive"),
            post(publishing_endpoint::go_live),
        )
        .route(
            &format!("{OFFER}/cancel"),
            post(publishing_endpoint::cancel),
        )
        .route(
            &format!("{OFFER}/submissions"),
            get(operations_endpoint::submissions),
        )
        .route(
            &format!("{OFFER}/submissions/"),
            get(operations_endpoint::submissions),
        )
        .route(
            &format!("{OFFER}/operations/{{operation}}"),
            get(operations_endpoint::operation),
        )
        .route(
            "/api/operations/{key}",
            get(operations_endpoint::legacy_operation),
        )
        .route("/{tenant}/oauth2/token", post(token_endpoint::token_v1))
        .route(
            "/{tenant}/oauth2/v2.0/token",
            post(token_endpoint::token_v2),
        )
        .fallback(|| async {
            api_error(
                StatusCode::NOT_FOUND,
                "NotFound",
                "The requested resource does not exist.",
            )
        })
        .method_not_allowed_fallback(|| async {
            api_error(
                StatusCode::METHOD_NOT_ALLOWED,
                "MethodNotAllowed",
                "The HTTP method is not allowed for this resource.",
            )
        })
        .layer(DefaultBodyLimit::max(REQUEST_BODY_LIMIT))
        .with_state(state)
}

/// Adds what every response carries: a fresh `x-ms-request-id` and the
/// echoed `x-ms-client-request-id`.
fn finish(mut response: Response, client_request_id: Option<HeaderValue>) -> Response {
    let headers = response.headers_mut();
    if let Ok(request_id) = HeaderValue::try_from(uuid::Uuid::new_v4().to_string()) {
        headers.insert(REQUEST_ID, request_id);
    }
    if let Some(client_request_id) = client_request_id {
        headers.insert(CLIENT_REQUEST_ID, client_request_id);
    }
    response
}

/// Accepts connections until `shutdown` turns true (or its sender is
/// dropped), then lets requests in flight finish for a short while and drops
/// whatever is left.
pub(crate) async fn serve(
    listener: TcpListener,
    state: Arc<EmulatorState>,
    mut shutdown: watch::Receiver<bool>,
) {
    let router = router(state.clone());
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            changed = shutdown.changed() => {
                if changed.is_err() || *shutdown.borrow() {
                    break;
                }
            }
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(serve_connection(
                        stream,
                        router.clone(),
                        state.clone(),
                        shutdown.clone(),
                    ));
                }
                Err(error) => {
                    // E.g. too many open files: back off instead of spinning.
                    log::warn!("emulator: accept failed: {error}");
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    drop(listener);
    let drained = tokio::time::timeout(SHUTDOWN_GRACE, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    if drained.is_err() {
        connections.shutdown().await;
    }
}

/// Serves the requests of one connection until the client closes it, a
/// `reset` fault drops it, or shutdown closes it gracefully.
async fn serve_connection(
    stream: TcpStream,
    router: Router,
    state: Arc<EmulatorState>,
    mut shutdown: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    let control = ConnectionControl::default();
    let reset = control.reset.clone();
    let router = TowerToHyperService::new(router);
    let service = hyper::service::service_fn(move |request: Request<Incoming>| {
        let state = state.clone();
        let control = control.clone();
        let router = router.clone();
        async move {
            let (parts, body) = request.into_parts();
            let (body, recorded_body) = if records_body(&parts.method, parts.uri.path()) {
                match axum::body::to_bytes(Body::new(body), REQUEST_BODY_LIMIT).await {
                    Ok(bytes) => (Body::from(bytes.clone()), Some(bytes.to_vec())),
                    Err(error) => {
                        state.record(RecordedRequest::of(&parts, None, &state.token));
                        log::debug!("emulator: cannot read a request body: {error}");
                        return Ok(finish(
                            api_error(
                                StatusCode::PAYLOAD_TOO_LARGE,
                                "RequestEntityTooLarge",
                                &format!(
                                    "The request body could not be read or is larger than {REQUEST_BODY_LIMIT} bytes."
                                ),
                            ),
                            None,
                        ));
                    }
                }
            } else {
                (Body::new(body), None)
            };
            state.record(RecordedRequest::of(&parts, recorded_body, &state.token));
            let client_request_id = parts.headers.get(CLIENT_REQUEST_ID).cloned();
            let mut request = Request::from_parts(parts, body);
            request.extensions_mut().insert(control);
            let response: Response = router.call(request).await?;
            Ok::<_, Infallible>(finish(response, client_request_id))
        }
    });
    let connection = hyper::server::conn::http1::Builder::new()
        .timer(TokioTimer::new())
        .serve_connection(TokioIo::new(stream), service);
    tokio::pin!(connection);
    let mut closing = *shutdown.borrow();
    if closing {
        connection.as_mut().graceful_shutdown();
    }
    loop {
        tokio::select! {
            result = connection.as_mut() => {
                if let Err(error) = result {
                    log::debug!("emulator: connection ended with an error: {error}");
                }
                return;
            }
            () = reset.notified() => {
                log::debug!("emulator: dropping a connection for a reset fault");
                return;
            }
            _ = shutdown.changed(), if !closing => {
                closing = true;
                connection.as_mut().graceful_shutdown();
            }
        }
    }
}
