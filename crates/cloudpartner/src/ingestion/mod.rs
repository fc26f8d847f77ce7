//! The Product Ingestion API (DESIGN §10): products and their resource trees, VM
//! technical configurations and their image versions (full-state), configure jobs,
//! submissions, where a product stands, and the release — on the same transport,
//! credential chain and error model as the Cloud Partner Portal API.
//!
//! ```no_run
//! # async fn run() -> cloudpartner::Result<()> {
//! use cloudpartner::ingestion::{Client, Target};
//! let client = Client::new(Default::default())?;
//! let status = client.product_status("my-vm-offer").await?;
//! println!("{}", status.stage);
//! let tree = client.resource_tree("my-vm-offer", Target::Draft).await?;
//! for version in tree.technical_configuration("standard")?.vm_image_versions() {
//!     println!("{}", version.version_number);
//! }
//! # Ok(()) }
//! ```

mod client;
mod endpoints;
mod image_match;
mod job;
mod page;
mod product;
mod product_status;
mod release;
mod release_outcome;
mod release_request;
mod release_waits;
mod resource;
mod states;
mod submission;
mod technical_configuration;
mod tree;
mod vm_image_version;
mod waiting;

pub use client::{Client, DEFAULT_BASE_URL, DEFAULT_VERSION, PROFILE, SCOPE};
pub use job::{Job, JobError, parse_job};
pub use page::{ResourcePage, parse_page};
pub use product::{Product, ProductRef};
pub use product_status::ProductStatus;
pub use release::{IngestionReleaseEvent, ReleaseError, release};
pub use release_outcome::ReleaseOutcome;
pub use release_request::ReleaseRequest;
pub use resource::{Resource, type_of_schema};
pub use states::{
    JobResult, JobStatus, LifecycleState, ProductStage, SubmissionResult, SubmissionStatus, Target,
};
pub use submission::{Submission, parse_submissions};
pub use technical_configuration::{TECHNICAL_CONFIGURATION_TYPES, TechnicalConfiguration};
pub use tree::{ResourceTree, parse_resource_tree};
pub use vm_image_version::{
    DataDisk, DeprecationSchedule, SAS_URI, SHARED_IMAGE_GALLERY, VmImage, VmImageVersion,
    check_version_number,
};
