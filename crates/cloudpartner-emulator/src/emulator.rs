//! The emulator handle and its builder.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex};

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::apis::{ApiStates, route_prefixes};
use crate::auth::token_endpoint;
use crate::cpp::location::LocationForm;
use crate::cpp::offer_document::OfferSlot;
use crate::faults::fault::Fault;
use crate::http::recorded_request::RecordedRequest;
use crate::http::request_log::DEFAULT_REQUEST_LOG_CAPACITY;
use crate::http::router::router;
use crate::http::server::serve;
use crate::http::shared_state::SharedState;
use crate::scenario::Scenario;

/// Configures and starts an [`Emulator`].
#[derive(Clone, Debug)]
pub struct EmulatorBuilder {
    scenario: Option<Scenario>,
    time_scale: Option<f64>,
    port: u16,
    request_log_capacity: usize,
    location_form: Option<LocationForm>,
    token: Option<String>,
}

impl Default for EmulatorBuilder {
    fn default() -> Self {
        EmulatorBuilder {
            scenario: None,
            time_scale: None,
            port: 0,
            request_log_capacity: DEFAULT_REQUEST_LOG_CAPACITY,
            location_form: None,
            token: None,
        }
    }
}

impl EmulatorBuilder {
    /// The scenario to serve; [`Scenario::default_scenario`] when not set.
    pub fn scenario(mut self, scenario: Scenario) -> Self {
        self.scenario = Some(scenario);
        self
    }

    /// Simulated seconds per real second, overriding the scenario's `timeScale`.
    pub fn time_scale(mut self, time_scale: f64) -> Self {
        self.time_scale = Some(time_scale);
        self
    }

    /// The port to listen on; 0 (the default) picks a free one.
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// How many requests [`Emulator::requests`] remembers: a ring of the
    /// last `capacity` requests, older ones dropped; 0 records none. Default
    /// [`DEFAULT_REQUEST_LOG_CAPACITY`] (1000).
    pub fn request_log_capacity(mut self, capacity: usize) -> Self {
        self.request_log_capacity = capacity;
        self
    }

    /// The form of the `Location` and `Operation-Location` headers of
    /// publish, go-live and cancel, overriding the scenario's `locationForm`.
    pub fn location_form(mut self, location_form: LocationForm) -> Self {
        self.location_form = Some(location_form);
        self
    }

    /// The bearer token the routes ask for and the token endpoints issue,
    /// overriding the scenario's `token`.
    ///
    /// ```
    /// # #[tokio::main] async fn main() {
    /// let emulator = cloudpartner_emulator::Emulator::builder().token("pipeline-token").start().await.unwrap();
    /// assert_eq!(emulator.token(), "pipeline-token");
    /// # emulator.stop().await; }
    /// ```
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(token.into());
        self
    }

    /// Binds `127.0.0.1:port`, spawns the server on the current tokio runtime
    /// and returns once it is listening.
    ///
    /// Fails when the port cannot be bound, or with
    /// [`std::io::ErrorKind::InvalidInput`] when the time scale is not a
    /// positive finite number. Must be called within a tokio runtime.
    pub async fn start(self) -> std::io::Result<Emulator> {
        let scenario = self.scenario.unwrap_or_else(Scenario::default_scenario);
        let time_scale = self.time_scale.unwrap_or(scenario.time_scale);
        if !(time_scale.is_finite() && time_scale > 0.0) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("the time scale must be a positive number, got {time_scale}"),
            ));
        }
        let listener =
            TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, self.port))).await?;
        let addr = listener.local_addr()?;
        let base_url = format!("http://{addr}");
        let mut scenario = scenario;
        if let Some(location_form) = self.location_form {
            scenario.apis.cpp.location_form = location_form;
        }
        if let Some(token) = self.token {
            scenario.token = token;
        }
        let shared = Arc::new(SharedState::new(
            scenario.token,
            scenario.clients,
            scenario.faults,
            time_scale,
            self.request_log_capacity,
            base_url.clone(),
        ));
        let apis = ApiStates::new(scenario.apis, &shared);
        let app = router(token_endpoint::routes(shared.clone()), apis.routes(&shared));
        let (shutdown, shutdown_signal) = watch::channel(false);
        let server = tokio::spawn(serve(
            listener,
            app,
            shared.clone(),
            route_prefixes(),
            shutdown_signal,
        ));
        log::debug!("emulator: listening on {addr}");
        Ok(Emulator {
            base_url,
            addr,
            time_scale,
            shared,
            apis,
            shutdown,
            server: Mutex::new(Some(server)),
        })
    }
}

/// The error of [`Emulator::set_offer_document`]: an offer document must be
/// a JSON object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAnObject;

impl std::fmt::Display for NotAnObject {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str("an offer document must be a JSON object")
    }
}

impl std::error::Error for NotAnObject {}

/// A running emulator of the Cloud Partner Portal API and the Product
/// Ingestion API on `127.0.0.1`.
///
/// Dropping the handle stops the server (without waiting for it);
/// [`Emulator::stop`] stops it and waits, and can be called any number of
/// times. What the emulator recorded and stored ([`Emulator::requests`],
/// [`Emulator::offer_document`]) stays readable after it stopped. Any number
/// of emulators can run in one process.
#[derive(Debug)]
pub struct Emulator {
    base_url: String,
    addr: SocketAddr,
    time_scale: f64,
    shared: Arc<SharedState>,
    apis: ApiStates,
    shutdown: watch::Sender<bool>,
    server: Mutex<Option<JoinHandle<()>>>,
}

impl Emulator {
    /// A builder for an emulator serving the default scenario on a free port.
    pub fn builder() -> EmulatorBuilder {
        EmulatorBuilder::default()
    }

    /// The URL to point clients at, e.g. `http://127.0.0.1:41234` (no trailing slash).
    /// It is also the authority host of the token endpoints.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The base URL of the Product Ingestion API, `<base_url>/rp/product-ingestion`
    /// (no trailing slash): what `ingestion_base_url` of a client is set to.
    pub fn ingestion_base_url(&self) -> String {
        format!("{}/rp/product-ingestion", self.base_url)
    }

    /// Simulated seconds per real second of its clock.
    pub fn time_scale(&self) -> f64 {
        self.time_scale
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The bearer token the status endpoint accepts.
    pub fn token(&self) -> &str {
        &self.shared.token
    }

    /// Every request received so far (status, token and any other endpoint),
    /// in the order received.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.requests()
    }

    /// [`Emulator::requests`] as a JSON array, each request as
    /// [`RecordedRequest::to_json`] shapes it (every credential redacted,
    /// `authorized` telling whether it carried this emulator's token): the
    /// form the bindings hand out.
    pub fn requests_json(&self) -> serde_json::Value {
        serde_json::Value::Array(
            self.requests()
                .iter()
                .map(|request| request.to_json(self.token()))
                .collect(),
        )
    }

    /// Adds, or replaces, an offer whose status document is `document`,
    /// served verbatim from the next request on (until the offer's next
    /// publish through the API). The publisher is created if it is new; an
    /// offer's documents and operations are kept.
    pub fn set_offer_status(&self, publisher: &str, offer: &str, document: serde_json::Value) {
        self.apis
            .cpp
            .set_offer_status(publisher, offer, document.to_string());
    }

    /// The offer document the emulator stores in a slot — what the service
    /// would hold after the requests so far — or `None` when the offer, or
    /// that slot, has none. Key order is the document's.
    pub fn offer_document(
        &self,
        publisher: &str,
        offer: &str,
        slot: OfferSlot,
    ) -> Option<serde_json::Value> {
        self.apis
            .cpp
            .slot_document(publisher, offer, slot)
            .map(serde_json::Value::Object)
    }

    /// Writes an offer's draft as a second writer would: `document` is
    /// stored as the next version (its `version` and `changedTime` set, a
    /// fresh ETag), so a client's earlier ETag no longer matches. The
    /// publisher and offer are created when new. Returns the stored document.
    pub fn set_offer_document(
        &self,
        publisher: &str,
        offer: &str,
        document: serde_json::Value,
    ) -> Result<serde_json::Value, NotAnObject> {
        match document {
            serde_json::Value::Object(document) => Ok(serde_json::Value::Object(
                self.apis.cpp.set_offer_document(publisher, offer, document),
            )),
            _ => Err(NotAnObject),
        }
    }

    /// The current ETag of an offer's draft (also when the offer omits ETag
    /// headers); `None` when it has no document.
    pub fn offer_etag(&self, publisher: &str, offer: &str) -> Option<String> {
        self.apis.cpp.offer_etag(publisher, offer)
    }

    /// Appends a fault; it applies from the next request on.
    pub fn add_fault(&self, fault: Fault) {
        self.shared.add_fault(fault);
    }

    /// Stops the server: no new connections, requests in flight get a short
    /// grace period, then it returns once the server task has ended.
    ///
    /// Idempotent: a second call returns at once. The handle stays usable for
    /// reading what was recorded and stored.
    pub async fn stop(&self) {
        self.shutdown.send_replace(true);
        let server = self
            .server
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .take();
        if let Some(server) = server {
            if let Err(error) = server.await {
                log::warn!("emulator: the server task failed: {error}");
            }
        }
    }

    /// Stops the server like [`Emulator::stop`], consuming the handle.
    pub async fn shutdown(self) {
        self.stop().await;
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        self.shutdown.send_replace(true);
    }
}
