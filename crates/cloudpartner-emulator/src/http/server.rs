//! The HTTP server: the accept loop, one task per connection, and
//! what every response gets (a fresh `x-ms-request-id`, the echoed
//! `x-ms-client-request-id`, the time scale in `x-cloudpartner-time-scale`). Every request is recorded before it is handled.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderName, HeaderValue, Request, StatusCode};
use axum::response::Response;
use hyper::body::Incoming;
use hyper::service::Service;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinSet;

use crate::http::connection_control::ConnectionControl;
use crate::http::error_response::api_error;
use crate::http::recorded_request::{RecordedRequest, records_body};
use crate::http::router::REQUEST_BODY_LIMIT;
use crate::http::shared_state::SharedState;

/// How long shutdown waits for requests in flight before dropping their connections.
const SHUTDOWN_GRACE: Duration = Duration::from_millis(500);

/// The request id header of every response.
const REQUEST_ID: HeaderName = HeaderName::from_static("x-ms-request-id");

/// The client's request id header, echoed back.
const CLIENT_REQUEST_ID: HeaderName = HeaderName::from_static("x-ms-client-request-id");

/// How much faster than real time the emulator plays its publishes, announced in every
/// response (clients on this machine poll on that clock).
const TIME_SCALE: HeaderName = HeaderName::from_static("x-cloudpartner-time-scale");

/// Adds what every response carries: a fresh `x-ms-request-id`, the echoed
/// `x-ms-client-request-id`, and the emulator's time scale.
fn finish(
    mut response: Response,
    client_request_id: Option<HeaderValue>,
    time_scale: f64,
) -> Response {
    let headers = response.headers_mut();
    if let Ok(scale) = HeaderValue::try_from(time_scale.to_string()) {
        headers.insert(TIME_SCALE, scale);
    }
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
/// whatever is left. `api_prefixes` are the path prefixes of the APIs, whose
/// writes have their bodies recorded.
pub(crate) async fn serve(
    listener: TcpListener,
    router: Router,
    state: Arc<SharedState>,
    api_prefixes: Arc<[&'static str]>,
    mut shutdown: watch::Receiver<bool>,
) {
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
                        api_prefixes.clone(),
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
    state: Arc<SharedState>,
    api_prefixes: Arc<[&'static str]>,
    mut shutdown: watch::Receiver<bool>,
) {
    let _ = stream.set_nodelay(true);
    let control = ConnectionControl::default();
    let reset = control.reset_signal();
    let router = TowerToHyperService::new(router);
    let service = hyper::service::service_fn(move |request: Request<Incoming>| {
        let state = state.clone();
        let control = control.clone();
        let router = router.clone();
        let api_prefixes = api_prefixes.clone();
        async move {
            let (parts, body) = request.into_parts();
            let (body, recorded_body) = if records_body(
                &parts.method,
                parts.uri.path(),
                &api_prefixes,
            ) {
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
                            state.clock.time_scale(),
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
            Ok::<_, Infallible>(finish(
                response,
                client_request_id,
                state.clock.time_scale(),
            ))
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
