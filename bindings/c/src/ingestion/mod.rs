//! The Product Ingestion API (DESIGN §10) in C: `cloudpartner_ingestion_client` and a
//! function per endpoint; resources, trees and technical configurations as lossless
//! documents; products, jobs, submissions and product statuses as read-only views; the
//! image helpers; waiting with a callback; the release. Everything here converts: the
//! core (`cloudpartner::ingestion`) does the work.

pub mod states;

pub mod resource;

pub mod image_version;

pub mod tree;

pub mod job;

pub mod submission;

pub mod client;

pub mod waiting;

pub mod release;
