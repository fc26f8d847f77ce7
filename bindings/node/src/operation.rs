//! Operations, operation references and publishers as the addon hands them over, and
//! `parseOperation(s)`.

use cloudpartner::{Operation, OperationRef, Publisher};
use napi::bindgen_prelude::{Buffer, Either};
use napi_derive::napi;

use crate::error::to_napi;
use crate::parse::bytes_of;
use crate::status::{StatusHandle, handle, state};

/// A publishing operation (publish, go-live, cancel).
#[napi(object, object_from_js = false, use_nullable = true)]
pub struct NativeOperation {
    /// `id`.
    pub id: String,
    /// `submissionType`, as sent.
    pub submission_type: String,
    /// The canonical state, or `unknown`.
    pub state: String,
    /// The state as sent.
    pub raw_state: String,
    /// Completed, failed or canceled: it will not change any more.
    pub is_terminal: bool,
    /// `createdDateTime` in milliseconds since the epoch.
    pub created: Option<f64>,
    /// `lastActionDateTime` (else `changedTime`) in milliseconds since the epoch.
    pub last_action: Option<f64>,
    /// `publishingVersion`.
    pub publishing_version: Option<i64>,
    /// `offerVersion`.
    pub offer_version: Option<i64>,
    /// `slot`.
    pub slot: Option<String>,
    /// `cancellationRequestState`.
    pub cancellation_request_state: Option<String>,
    /// `error`, as text.
    pub error: Option<String>,
    /// The steps and messages, when the response had them.
    #[napi(ts_type = "ExternalObject<'OfferStatus'>")]
    pub detail: Option<StatusHandle>,
    /// The canonical JSON (`toJson()`).
    pub json: String,
}

impl From<Operation> for NativeOperation {
    fn from(op: Operation) -> Self {
        let json = op.to_json();
        NativeOperation {
            state: state(op.state.as_wire(), op.state.is_unknown()).to_owned(),
            is_terminal: op.state.is_terminal(),
            created: op.created.map(|t| t.timestamp_millis() as f64),
            last_action: op.last_action.map(|t| t.timestamp_millis() as f64),
            detail: op.detail.map(handle),
            id: op.id,
            submission_type: op.submission_type,
            raw_state: op.raw_state,
            publishing_version: op.publishing_version,
            offer_version: op.offer_version,
            slot: op.slot,
            cancellation_request_state: op.cancellation_request_state,
            error: op.error,
            json,
        }
    }
}

/// Where to follow an operation.
#[napi(object)]
pub struct NativeOperationRef {
    /// The absolute URL.
    pub url: String,
    /// The operation's id.
    pub id: String,
}

impl From<OperationRef> for NativeOperationRef {
    fn from(r: OperationRef) -> Self {
        NativeOperationRef {
            url: r.url,
            id: r.id,
        }
    }
}

/// A publisher account.
#[napi(object)]
pub struct NativePublisher {
    /// The id used in paths.
    pub id: String,
    /// The display name.
    pub display_text: String,
    /// The seller id (empty when absent).
    pub seller_id: String,
}

impl From<Publisher> for NativePublisher {
    fn from(p: Publisher) -> Self {
        NativePublisher {
            id: p.id,
            display_text: p.display_text,
            seller_id: p.seller_id,
        }
    }
}

/// Parses one operation (an object, or an array of exactly one).
#[napi]
pub fn parse_operation(input: Either<String, Buffer>) -> napi::Result<NativeOperation> {
    cloudpartner::parse_operation(bytes_of(&input))
        .map(NativeOperation::from)
        .map_err(|e| to_napi(&e))
}

/// Parses a list of operations (`GET .../submissions`).
#[napi]
pub fn parse_operations(input: Either<String, Buffer>) -> napi::Result<Vec<NativeOperation>> {
    cloudpartner::parse_operations(bytes_of(&input))
        .map(|list| list.into_iter().map(NativeOperation::from).collect())
        .map_err(|e| to_napi(&e))
}
