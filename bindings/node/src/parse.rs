//! `parseOfferStatus(text | Buffer)`: the core's lenient (or strict) parser.

use napi::bindgen_prelude::{Buffer, Either};
use napi_derive::napi;

use crate::error::to_napi;
use crate::status::NativeOfferStatus;

/// Parses an offer status document given as a string or bytes; `strict` also
/// fails on unknown state spellings. Throws a parse error (as JSON, see
/// [`crate::error`]) with the line and column of the problem.
#[napi]
pub fn parse_offer_status(
    input: Either<String, Buffer>,
    strict: Option<bool>,
) -> napi::Result<NativeOfferStatus> {
    let bytes: &[u8] = match &input {
        Either::A(text) => text.as_bytes(),
        Either::B(buffer) => buffer,
    };
    let parsed = if strict.unwrap_or(false) {
        cloudpartner::parse_offer_status_strict(bytes)
    } else {
        cloudpartner::parse_offer_status(bytes)
    };
    parsed
        .map(|s| NativeOfferStatus::from(&s))
        .map_err(|e| to_napi(&e))
}
