//! `parseOfferStatus(text | Buffer)` and `parseOffer(text | Buffer)`: the core's parsers,
//! and `redactSas`, the core's hiding of SAS signatures.

use napi::bindgen_prelude::{Buffer, Either};
use napi_derive::napi;

use crate::error::to_napi;
use crate::offer::NativeOffer;
use cloudpartner::surely_accepts_offer_status;

use crate::status::{StatusHandle, handle, pending};

/// The bytes of a string or a Buffer.
pub fn bytes_of(input: &Either<String, Buffer>) -> &[u8] {
    match input {
        Either::A(text) => text.as_bytes(),
        Either::B(buffer) => buffer,
    }
}

/// Parses an offer status document given as a string; `strict` also fails on unknown
/// state spellings. Throws a parse error (as JSON, see [`crate::error`]) with the line
/// and column of the problem. The typed reading is the core's, done on first use of
/// the status (see [`crate::status::StatusCell`]); the document is checked now.
#[napi(ts_return_type = "ExternalObject<'OfferStatus'>")]
pub fn parse_offer_status(text: String, strict: Option<bool>) -> napi::Result<StatusHandle> {
    read_status(text.into_bytes(), strict.unwrap_or(false))
}

/// [`parse_offer_status`] of bytes.
#[napi(ts_return_type = "ExternalObject<'OfferStatus'>")]
pub fn parse_offer_status_bytes(bytes: Buffer, strict: Option<bool>) -> napi::Result<StatusHandle> {
    read_status(bytes.to_vec(), strict.unwrap_or(false))
}

fn read_status(bytes: Vec<u8>, strict: bool) -> napi::Result<StatusHandle> {
    if !strict && surely_accepts_offer_status(&bytes) {
        return Ok(pending(bytes));
    }
    let parsed = if strict {
        cloudpartner::parse_offer_status_strict(&bytes)
    } else {
        cloudpartner::parse_offer_status(&bytes)
    };
    parsed.map(handle).map_err(|e| to_napi(&e))
}

/// Parses an offer document given as a string or bytes (losslessly: every field, in
/// order). Throws a parse error with the line and column of the problem.
#[napi]
pub fn parse_offer(input: Either<String, Buffer>) -> napi::Result<NativeOffer> {
    cloudpartner::parse_offer(bytes_of(&input))
        .map(NativeOffer::from)
        .map_err(|e| to_napi(&e))
}

/// Parses a list of offers (`GET /api/publishers/{p}/offers`).
#[napi]
pub fn parse_offers(input: Either<String, Buffer>) -> napi::Result<Vec<NativeOffer>> {
    cloudpartner::parse_offers(bytes_of(&input))
        .map(|list| list.into_iter().map(NativeOffer::from).collect())
        .map_err(|e| to_napi(&e))
}

/// `text` with the value of every `sig=` replaced by `REDACTED`.
#[napi]
pub fn redact_sas(text: String) -> String {
    cloudpartner::redact_sas(&text).into_owned()
}
