//! The state every API and the token endpoint share: the token, the known
//! clients, the clock, the faults left to fire and the recorded requests.
//! Every method takes the lock it needs and lets go before returning.

use std::sync::Mutex;

use crate::auth::client_credentials::ClientCredentials;
use crate::clock::SimulationClock;
use crate::faults::fault::Fault;
use crate::faults::fault_plan::{FaultPlan, plan_faults};
use crate::faults::fault_route::FaultTarget;
use crate::http::recorded_request::RecordedRequest;
use crate::http::request_log::RequestLog;
use crate::lock::lock;

/// What every handler may read and change, whatever its API.
#[derive(Debug)]
pub(crate) struct SharedState {
    /// The bearer token the APIs accept.
    pub token: String,
    /// The clients the token endpoint knows.
    pub clients: Vec<ClientCredentials>,
    /// The emulator's base URL, for absolute locations.
    pub base_url: String,
    /// The emulator's clock.
    pub clock: SimulationClock,
    faults: Mutex<Vec<Fault>>,
    requests: Mutex<RequestLog>,
}

impl SharedState {
    /// The shared state of an emulator at `base_url`, its clock starting now.
    pub fn new(
        token: String,
        clients: Vec<ClientCredentials>,
        faults: Vec<Fault>,
        time_scale: f64,
        request_log_capacity: usize,
        base_url: String,
    ) -> SharedState {
        SharedState {
            token,
            clients,
            base_url,
            clock: SimulationClock::start_now(time_scale),
            faults: Mutex::new(faults),
            requests: Mutex::new(RequestLog::with_capacity(request_log_capacity)),
        }
    }

    /// Appends a fault.
    pub fn add_fault(&self, fault: Fault) {
        lock(&self.faults).push(fault);
    }

    /// Picks the faults that fire for a request and uses up their firings.
    pub fn fire_faults(&self, target: &FaultTarget<'_>) -> FaultPlan {
        plan_faults(&mut lock(&self.faults), target)
    }

    /// Records a received request.
    pub fn record(&self, request: RecordedRequest) {
        lock(&self.requests).push(request);
    }

    /// The requests in the log, oldest first.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.requests).to_vec()
    }
}
