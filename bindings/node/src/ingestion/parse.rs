//! The core's Product Ingestion parsers (for the vectors of `fixtures/ingestion/` and
//! for documents read elsewhere): a tree, a resource, a job, submissions, a page.

use cloudpartner::ingestion::{
    Resource, parse_job, parse_page, parse_resource_tree, parse_submissions,
};
use napi::bindgen_prelude::{Buffer, Either};
use napi_derive::napi;

use super::resource::NativeResource;
use super::tree::NativeResourceTree;
use super::values::{NativeJob, NativePage, NativeSubmission};
use crate::error::to_napi;
use crate::parse::bytes_of;

/// Parses a resource tree, losslessly.
#[napi]
pub fn ingestion_parse_resource_tree(
    input: Either<String, Buffer>,
) -> napi::Result<NativeResourceTree> {
    parse_resource_tree(bytes_of(&input))
        .map(Into::into)
        .map_err(|e| to_napi(&e))
}

/// Parses one resource, losslessly.
#[napi]
pub fn ingestion_parse_resource(input: Either<String, Buffer>) -> napi::Result<NativeResource> {
    Resource::parse(bytes_of(&input))
        .map(Into::into)
        .map_err(|e| to_napi(&e))
}

/// Parses a configure status.
#[napi]
pub fn ingestion_parse_job(input: Either<String, Buffer>) -> napi::Result<NativeJob> {
    parse_job(bytes_of(&input))
        .map(Into::into)
        .map_err(|e| to_napi(&e))
}

/// Parses `GET submission/<guid>`.
#[napi]
pub fn ingestion_parse_submissions(
    input: Either<String, Buffer>,
) -> napi::Result<Vec<NativeSubmission>> {
    parse_submissions(bytes_of(&input))
        .map(|list| list.into_iter().map(Into::into).collect())
        .map_err(|e| to_napi(&e))
}

/// Parses a page of a list.
#[napi]
pub fn ingestion_parse_page(input: Either<String, Buffer>) -> napi::Result<NativePage> {
    parse_page(bytes_of(&input))
        .map(Into::into)
        .map_err(|e| to_napi(&e))
}

/// Parses `GET submission/<guid>` into where `product` stands.
#[napi]
pub fn ingestion_parse_product_status(
    input: Either<String, Buffer>,
    product: String,
) -> napi::Result<super::values::NativeProductStatus> {
    parse_submissions(bytes_of(&input))
        .map(|list| cloudpartner::ingestion::ProductStatus::from_submissions(&product, list).into())
        .map_err(|e| to_napi(&e))
}
