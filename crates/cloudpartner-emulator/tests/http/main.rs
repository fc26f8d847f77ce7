//! End-to-end tests of the emulator over real HTTP.

mod faults;
mod ingestion_configure;
mod ingestion_faults;
mod ingestion_reads;
mod ingestion_release;
mod ingestion_submissions;
mod ingestion_support;
mod lifecycle;
mod offer_documents;
mod publishing;
mod request_log;
mod route_faults;
mod scenario_files;
mod simulated_publish;
mod status_endpoint;
mod support;
mod token_endpoint;
