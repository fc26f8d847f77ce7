//! # libcloudpartner
//!
//! The C interface of the `cloudpartner` crate: an Azure Marketplace Cloud Partner Portal
//! API client (offer publishing status) and its local emulator, as `libcloudpartner.so` /
//! `libcloudpartner.a` with the header `include/cloudpartner.h`, which `build.rs`
//! generates from this crate with cbindgen.
//!
//! This crate only converts: C strings and pointers in, opaque handles and C strings out,
//! `cloudpartner::Error` to `cloudpartner_error`. Parsing, state rules, time frames,
//! retries and polling are the core's.
//!
//! Conventions, repeated in the header's preamble:
//! - every function that can fail returns a [`cloudpartner_error_kind`]
//!   (`CLOUDPARTNER_OK` = 0) and, when its `err` argument is not NULL, stores a new
//!   [`cloudpartner_error`] there (NULL on success);
//! - NULL where a pointer is required, and invalid UTF-8 in an input string, are
//!   `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`; a panic is caught and becomes
//!   `CLOUDPARTNER_ERROR_INTERNAL`; nothing unwinds into C;
//! - every handle has its `_free` (NULL is fine), `char *` results are freed with
//!   [`strings::cloudpartner_string_free`], `const char *` results live as long as
//!   their owner.

// The exported names are the C names, which are the contract.
#![allow(non_camel_case_types)]
// Every exported function has the same safety contract, stated once in the header's
// preamble (pointers are NULL or live handles of this library, strings NUL-terminated,
// out-pointers writable); each function's doc says what may be NULL.
#![allow(clippy::missing_safety_doc)]
#![warn(missing_docs)]

// In header order: errors and strings, the enums and the core's tables, the status tree,
// offers, images, operations and publishers, the client and its publishing calls, its
// release, the emulator.
pub mod error;
mod ffi;
mod leaf_values;
pub mod strings;

pub mod states;

pub mod tables;

pub mod status;

pub mod step;

pub mod message;

pub mod link;

pub mod offer;

pub mod vm_image;

pub mod operation;

pub mod publisher;

pub mod token_callback;

pub mod options;

pub mod client;

pub mod batch;

pub mod watch;

pub mod publishing;

pub mod release;

pub mod ingestion;

pub mod emulator;

pub mod runtime;
