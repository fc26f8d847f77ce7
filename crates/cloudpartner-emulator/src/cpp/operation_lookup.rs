//! Operations read back: the submissions of an offer, one operation by id or
//! by legacy key, and where `Location` headers point.

use axum::http::StatusCode;
use serde_json::Value;

use crate::cpp::location::{OperationAddress, parse_legacy_key, publisher_offer_splits};
use crate::cpp::offer::OperationHandle;
use crate::cpp::offer_store::OfferStore;
use crate::cpp::operation_kinds::{OperationState, SubmissionType};
use crate::http::error_response::ApiError;
use crate::lock::lock;

impl OfferStore {
    /// `GET …/submissions`.
    pub fn operations(
        &self,
        publisher: &str,
        offer: &str,
        filter: Option<OperationState>,
    ) -> Result<Value, ApiError> {
        self.with_offer(publisher, offer, |state, ids, clock| {
            state.documents(ids)?;
            Ok(Value::Array(state.operations(ids, clock, filter)))
        })
    }

    /// `GET …/operations/{id}`.
    pub fn operation(&self, publisher: &str, offer: &str, id: &str) -> Result<Value, ApiError> {
        self.with_offer(publisher, offer, |state, ids, clock| {
            state.documents(ids)?;
            state
                .operation(ids, clock, id)
                .ok_or_else(|| operation_not_found(id))
        })
    }

    /// Resolves a legacy operation key `{p}${o}${n}${slot}` to the publisher,
    /// offer, publishing version and operation type it names.
    pub fn resolve_legacy_key(
        &self,
        key: &str,
    ) -> Result<(String, String, u64, SubmissionType), ApiError> {
        let (ids, publishing_version, slot) =
            parse_legacy_key(key).ok_or_else(|| operation_not_found(key))?;
        let kind = SubmissionType::of_slot(slot).ok_or_else(|| operation_not_found(key))?;
        let publishers = lock(&self.publishers);
        publisher_offer_splits(ids)
            .find(|(publisher, offer)| {
                publishers
                    .get(*publisher)
                    .is_some_and(|offers| offers.contains_key(*offer))
            })
            .map(|(publisher, offer)| {
                (
                    publisher.to_owned(),
                    offer.to_owned(),
                    publishing_version,
                    kind,
                )
            })
            .ok_or_else(|| operation_not_found(key))
    }

    /// The operation a legacy key names.
    pub fn operation_of_release(
        &self,
        publisher: &str,
        offer: &str,
        publishing_version: u64,
        kind: SubmissionType,
    ) -> Result<Value, ApiError> {
        self.with_offer(publisher, offer, |state, ids, clock| {
            state
                .operation_of_release(ids, clock, publishing_version, kind)
                .ok_or_else(|| {
                    operation_not_found(&format!(
                        "{publisher}${offer}${publishing_version}${}",
                        kind.slot()
                    ))
                })
        })
    }

    /// Where `Location` headers point for this operation.
    pub fn location_of(&self, publisher: &str, offer: &str, handle: &OperationHandle) -> String {
        self.location_form.location(
            OperationAddress {
                publisher,
                offer,
                operation_id: &handle.id,
                publishing_version: handle.publishing_version,
                slot: handle.kind.slot(),
            },
            &self.base_url,
        )
    }
}

/// 404 `OperationNotFound`.
fn operation_not_found(id: &str) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "OperationNotFound",
        format!("The operation '{id}' was not found."),
    )
}
