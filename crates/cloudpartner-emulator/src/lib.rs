//! A local emulator of the Azure Marketplace **Cloud Partner Portal API**: a
//! real HTTP server on `127.0.0.1` that answers
//! `GET /api/publishers/{publisherId}/offers/{offerId}/status?api-version=2017-10-31`
//! like the service, plus the Microsoft Entra client-credentials token
//! endpoints, so publishing scripts and clients can be tested without Azure.
//!
//! What it serves comes from a [`Scenario`]: fixed status documents,
//! publishes simulated on a scalable clock, the clients the token endpoint
//! knows, and [`Fault`]s (error statuses, latency, broken bodies, dropped
//! connections, redirects…). Without one it serves
//! [`Scenario::default_scenario`]: publisher `contoso` with an offer in every
//! state and `vm-offer`, a publish that starts with the emulator.
//!
//! ```
//! use cloudpartner_emulator::Emulator;
//!
//! #[tokio::main]
//! async fn main() -> std::io::Result<()> {
//!     let emulator = Emulator::builder().time_scale(10_000.0).start().await?;
//!     println!("{}/api/publishers/contoso/offers/vm-offer/status?api-version=2017-10-31", emulator.base_url());
//!     println!("Authorization: Bearer {}", emulator.token());
//!     emulator.shutdown().await;
//!     Ok(())
//! }
//! ```

#![warn(missing_docs)]

mod api_call;
mod clock;
mod default_offer_documents;
mod default_scenario;
mod document;
mod emulator;
mod emulator_client;
mod error_response;
mod fault;
mod fault_response;
mod location;
mod offer_document;
mod offer_endpoint;
mod offer_state;
mod operation;
mod operations_endpoint;
mod publish;
mod publish_validation;
mod publishers_endpoint;
mod publishing_endpoint;
mod recorded_request;
mod release;
mod request_checks;
mod request_log;
mod scenario;
mod server;
mod state;
mod status_endpoint;
mod token_endpoint;

pub use default_scenario::DEFAULT_PUBLISH_SECONDS;
pub use emulator::{Emulator, EmulatorBuilder, NotAnObject};
pub use fault::{Fault, FaultKind, FaultRoute};
pub use location::LocationForm;
pub use offer_document::OfferSlot;
pub use recorded_request::{REDACTED, RecordedRequest};
pub use request_log::DEFAULT_REQUEST_LOG_CAPACITY;
pub use scenario::{DEFAULT_TOKEN, Scenario, ScenarioError};

/// The api-version the emulated API accepts: `2017-10-31`.
pub const API_VERSION: &str = request_checks::API_VERSION;
