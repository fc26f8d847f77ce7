//! What the Product Ingestion API's documents look like: a product's stage in words,
//! its status report, jobs with their errors as a tree, tables of products and image
//! versions, and the release's lines.

pub mod image_table;
pub mod job_view;
pub mod product_table;
pub mod release_view;
pub mod stage;
pub mod stage_view;
