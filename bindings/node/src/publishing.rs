//! The publishing methods of `NativeClient` (DESIGN §8): publishers, offers read and
//! written with ETags, publish, go-live, cancel and operations. Each one takes the
//! abort switch of its call ([`NativeCancel`]).

use cloudpartner::{Error, OfferSelector, OperationState, Precondition};
use napi::Env;
use napi::bindgen_prelude::PromiseRaw;
use napi_derive::napi;

use crate::cancel::{NativeCancel, spawn_call};
use crate::client::NativeClient;
use crate::offer::NativeOffer;
use crate::operation::{NativeOperation, NativeOperationRef, NativePublisher};

/// The precondition of `putOffer(offer, {ifMatch, force, create})`: at most one of them.
fn precondition(
    if_match: Option<String>,
    force: bool,
    create: bool,
) -> cloudpartner::Result<Precondition> {
    Precondition::from_parts(if_match.as_deref(), force, create)
}

/// The state of `operations(p, o, {state})`: a known state, spelled leniently.
fn operation_state(state: Option<String>) -> cloudpartner::Result<Option<OperationState>> {
    state
        .as_deref()
        .map(OperationState::parse_filter)
        .transpose()
}

/// An offer version given as a JavaScript number: a whole number.
fn offer_version(version: Option<f64>) -> cloudpartner::Result<Option<i64>> {
    match version {
        None => Ok(None),
        Some(v) if v.is_finite() && v.fract() == 0.0 && v.abs() < 9_007_199_254_740_992.0 => {
            // Whole and exactly representable: the cast is exact.
            Ok(Some(v as i64))
        }
        Some(v) => Err(Error::invalid_argument(format!(
            "the offer version must be a whole number, got {v}"
        ))),
    }
}

fn offers(list: Vec<cloudpartner::Offer>) -> napi::Result<Vec<NativeOffer>> {
    Ok(list.into_iter().map(NativeOffer::from).collect())
}

fn operations(list: Vec<cloudpartner::Operation>) -> napi::Result<Vec<NativeOperation>> {
    Ok(list.into_iter().map(NativeOperation::from).collect())
}

#[napi]
impl NativeClient {
    /// The publisher accounts the identity may work on.
    #[napi(ts_return_type = "Promise<Array<NativePublisher>>")]
    pub fn publishers<'env>(
        &self,
        env: &'env Env,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, Vec<NativePublisher>>> {
        let client = self.inner.clone();
        let call = async move { client.publishers().await };
        spawn_call(env, abort, call, |list| {
            Ok(list.into_iter().map(NativePublisher::from).collect())
        })
    }

    /// A publisher's offers, as summaries.
    #[napi(ts_return_type = "Promise<Array<NativeOffer>>")]
    pub fn offers<'env>(
        &self,
        env: &'env Env,
        publisher_id: String,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, Vec<NativeOffer>>> {
        let client = self.inner.clone();
        let call = async move { client.offers(&publisher_id).await };
        spawn_call(env, abort, call, offers)
    }

    /// One offer: the draft, a slot (`draft`, `preview`, `production`) or a version.
    #[napi(ts_return_type = "Promise<NativeOffer>")]
    pub fn offer<'env>(
        &self,
        env: &'env Env,
        publisher_id: String,
        offer_id: String,
        slot: Option<String>,
        version: Option<f64>,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, NativeOffer>> {
        let selector = offer_version(version)
            .and_then(|version| OfferSelector::from_parts(slot.as_deref(), version));
        let client = self.inner.clone();
        let call = async move { client.offer(&publisher_id, &offer_id, selector?).await };
        spawn_call(env, abort, call, |offer| Ok(NativeOffer::from(offer)))
    }

    /// Writes an offer (as it is now) and gives the offer stored, with its new ETag.
    #[napi(ts_return_type = "Promise<NativeOffer>")]
    #[allow(clippy::too_many_arguments)]
    pub fn put_offer<'env>(
        &self,
        env: &'env Env,
        offer: &NativeOffer,
        if_match: Option<String>,
        force: Option<bool>,
        create: Option<bool>,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, NativeOffer>> {
        let precondition = precondition(if_match, force.unwrap_or(false), create.unwrap_or(false));
        let offer = offer.offer().clone();
        let client = self.inner.clone();
        let call = async move { client.put_offer(&offer, precondition?).await };
        spawn_call(env, abort, call, |offer| Ok(NativeOffer::from(offer)))
    }

    /// Publishes the draft; the e-mails get the service's notifications.
    #[napi(ts_return_type = "Promise<NativeOperationRef>")]
    pub fn publish<'env>(
        &self,
        env: &'env Env,
        publisher_id: String,
        offer_id: String,
        notification_emails: Vec<String>,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, NativeOperationRef>> {
        let client = self.inner.clone();
        let call = async move {
            client
                .publish(&publisher_id, &offer_id, notification_emails)
                .await
        };
        spawn_call(env, abort, call, |r| Ok(NativeOperationRef::from(r)))
    }

    /// Makes the reviewed preview live.
    #[napi(ts_return_type = "Promise<NativeOperationRef>")]
    pub fn go_live<'env>(
        &self,
        env: &'env Env,
        publisher_id: String,
        offer_id: String,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, NativeOperationRef>> {
        let client = self.inner.clone();
        let call = async move { client.go_live(&publisher_id, &offer_id).await };
        spawn_call(env, abort, call, |r| Ok(NativeOperationRef::from(r)))
    }

    /// Cancels the running operation: the operation to follow, or null when it was
    /// done at once.
    #[napi(ts_return_type = "Promise<NativeOperationRef | null>")]
    pub fn cancel<'env>(
        &self,
        env: &'env Env,
        publisher_id: String,
        offer_id: String,
        notification_emails: Vec<String>,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, Option<NativeOperationRef>>> {
        let client = self.inner.clone();
        let call = async move {
            client
                .cancel(&publisher_id, &offer_id, notification_emails)
                .await
        };
        spawn_call(env, abort, call, |r| Ok(r.map(NativeOperationRef::from)))
    }

    /// The offer's operations, those in `state` only when given.
    #[napi(ts_return_type = "Promise<Array<NativeOperation>>")]
    pub fn operations<'env>(
        &self,
        env: &'env Env,
        publisher_id: String,
        offer_id: String,
        state: Option<String>,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, Vec<NativeOperation>>> {
        let state = operation_state(state);
        let client = self.inner.clone();
        let call = async move { client.operations(&publisher_id, &offer_id, state?).await };
        spawn_call(env, abort, call, operations)
    }

    /// One operation by id.
    #[napi(ts_return_type = "Promise<NativeOperation>")]
    pub fn operation<'env>(
        &self,
        env: &'env Env,
        publisher_id: String,
        offer_id: String,
        operation_id: String,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, NativeOperation>> {
        let client = self.inner.clone();
        let call = async move {
            client
                .operation(&publisher_id, &offer_id, &operation_id)
                .await
        };
        spawn_call(env, abort, call, |op| Ok(NativeOperation::from(op)))
    }

    /// The operation at a URL publish, go-live or cancel answered; another origin than
    /// the client's is refused.
    #[napi(ts_return_type = "Promise<NativeOperation>")]
    pub fn operation_at<'env>(
        &self,
        env: &'env Env,
        url: String,
        abort: Option<&NativeCancel>,
    ) -> napi::Result<PromiseRaw<'env, NativeOperation>> {
        let client = self.inner.clone();
        let call = async move { client.operation_at(&url).await };
        spawn_call(env, abort, call, |op| Ok(NativeOperation::from(op)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preconditions() {
        assert_eq!(
            precondition(None, false, false).unwrap(),
            Precondition::Auto
        );
        assert_eq!(
            precondition(Some("e".into()), false, false).unwrap(),
            Precondition::IfMatch("e".into())
        );
        assert_eq!(precondition(None, true, false).unwrap(), Precondition::Any);
        assert_eq!(
            precondition(None, false, true).unwrap(),
            Precondition::Create
        );
        assert!(precondition(Some(" ".into()), false, false).is_err());
        assert!(precondition(Some("e".into()), true, false).is_err());
        assert!(precondition(None, true, true).is_err());
    }

    #[test]
    fn states_and_versions() {
        assert_eq!(
            operation_state(Some("Running".into())).unwrap(),
            Some(OperationState::Running)
        );
        assert!(operation_state(Some("paused".into())).is_err());
        assert_eq!(offer_version(Some(3.0)).unwrap(), Some(3));
        assert!(offer_version(Some(1.5)).is_err());
        assert!(offer_version(Some(f64::NAN)).is_err());
    }
}
