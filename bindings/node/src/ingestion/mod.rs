//! The Product Ingestion API (DESIGN §10) in the addon: the core's
//! [`cloudpartner::ingestion`] client, resources, trees, technical configurations, jobs,
//! submissions, product status, watch and release, converted to JavaScript values and
//! nothing more. The JavaScript layer (`node/lib/ingestion/`) wraps them.

mod client;
mod parse;
mod release;
mod resource;
mod technical_configuration;
mod tree;
mod values;
mod watch;

pub use client::{NativeIngestionClient, NativeIngestionClientOptions, ingestion_options};
pub use parse::{
    ingestion_parse_job, ingestion_parse_page, ingestion_parse_product_status,
    ingestion_parse_resource, ingestion_parse_resource_tree, ingestion_parse_submissions,
};
pub use release::{
    NativeIngestionReleaseEvent, NativeIngestionReleaseEvents, NativeIngestionReleaseRequest,
    NativeIngestionReleaseResult,
};
pub use resource::NativeResource;
pub use technical_configuration::{
    NativeDeprecationSchedule, NativeIngestionDataDisk, NativeIngestionImage,
    NativeIngestionImageVersion, NativeSku, NativeTechnicalConfiguration,
};
pub use tree::NativeResourceTree;
pub use values::{NativeJob, NativeJobError, NativePage, NativeProductStatus, NativeSubmission};
pub use watch::NativeProductWatch;
