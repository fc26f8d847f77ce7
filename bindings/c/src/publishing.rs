//! The publishing calls of `cloudpartner_client`: publishers, offers read and written with
//! ETags, publish, go-live, cancel, and operations. Each is one call into the core.

use std::ffi::c_char;

use cloudpartner::{OfferSelector, OperationState, Precondition, Result};

use crate::client::cloudpartner_client;
use crate::error::{cloudpartner_error, cloudpartner_error_kind};
use crate::ffi;
use crate::offer::{cloudpartner_offer, cloudpartner_offer_list};
use crate::operation::{
    cloudpartner_operation, cloudpartner_operation_list, cloudpartner_operation_ref,
};
use crate::publisher::cloudpartner_publisher_list;
use crate::runtime;

/// A flag of `cloudpartner_client_put_offer()`: send `If-Match: *`, overwriting whatever
/// the service holds, even when the offer has an ETag (the offer must exist).
pub const CLOUDPARTNER_PUT_FORCE: u32 = 1;

/// A flag of `cloudpartner_client_put_offer()`: send `If-None-Match: *`, creating the
/// offer; `CLOUDPARTNER_ERROR_CONFLICT` when it exists.
pub const CLOUDPARTNER_PUT_CREATE: u32 = 2;

/// The emails of a C comma-separated list (the core splits it on `,` and `;`).
fn emails(list: Option<&str>) -> Vec<&str> {
    list.into_iter().collect()
}

/// The precondition of `put_offer`'s `if_match` and `flags`.
fn precondition(function: &str, if_match: Option<&str>, flags: u32) -> Result<Precondition> {
    let unknown = flags & !(CLOUDPARTNER_PUT_FORCE | CLOUDPARTNER_PUT_CREATE);
    if unknown != 0 {
        return Err(ffi::bad_argument(
            function,
            "flags",
            &format!(
                "has unknown bits {unknown:#x}: give 0, CLOUDPARTNER_PUT_FORCE or CLOUDPARTNER_PUT_CREATE"
            ),
        ));
    }
    let force = flags & CLOUDPARTNER_PUT_FORCE != 0;
    let create = flags & CLOUDPARTNER_PUT_CREATE != 0;
    Precondition::from_parts(if_match, force, create).map_err(|e| e.context(function))
}

/// The operation state of `operations`' `state` filter; an unknown spelling is refused.
fn state_filter(function: &str, state: Option<&str>) -> Result<Option<OperationState>> {
    let Some(raw) = state else {
        return Ok(None);
    };
    OperationState::parse_filter(raw)
        .map(Some)
        .map_err(|e| e.context(function))
}

/// The publisher accounts the identity may work on (`GET /api/publishers`), blocking.
///
/// On success `*out` gets the list: free it with `cloudpartner_publisher_list_free()`. On
/// failure `*out` is NULL and the kind says why (`CLOUDPARTNER_ERROR_AUTHENTICATION`,
/// ...; `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL argument). Reads are retried on
/// transient failures. `err` may be NULL. Safe to call from several threads on one
/// client.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_client_publishers(
    client: *const cloudpartner_client,
    out: *mut *mut cloudpartner_publisher_list,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_client_publishers", err, [out: out_arg, client: ref_arg] => {
        let publishers = runtime::block_on(client.client().publishers())??;
        out.set(cloudpartner_publisher_list::new(&publishers));
        Ok(())
    })
}

/// A publisher's offers (`GET /api/publishers/{p}/offers`), as summaries: each has its
/// ids, status, version and display text, but no plans. Read one with
/// `cloudpartner_client_offer()` to edit it.
///
/// On success `*out` gets the list: free it with `cloudpartner_offer_list_free()`. On
/// failure `*out` is NULL: `CLOUDPARTNER_ERROR_NOT_FOUND` for an unknown publisher, ...;
/// `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL, empty or non-UTF-8 argument. `err`
/// may be NULL. Safe to call from several threads on one client.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_client_offers(
    client: *const cloudpartner_client,
    publisher: *const c_char,
    out: *mut *mut cloudpartner_offer_list,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_client_offers", err, [
        out: out_arg,
        client: ref_arg,
        publisher: str_arg,
    ] => {
        let offers = runtime::block_on(client.client().offers(publisher))??;
        out.set(cloudpartner_offer_list::new(offers));
        Ok(())
    })
}

/// Reads one offer, every field of it kept in order: the draft (with its ETag, when the
/// service sends one) when `slot` is NULL and `version` is -1; else the slot `slot`
/// (`"draft"`, `"preview"` or `"production"`, any case) or the past version `version`
/// (0 or more).
///
/// On success `*out` gets the offer: free it with `cloudpartner_offer_free()`. On failure
/// `*out` is NULL: `CLOUDPARTNER_ERROR_NOT_FOUND` for an unknown offer (or a slot or
/// version it does not have), ...; `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for both a slot
/// and a version, an unknown slot, a version below -1, or a NULL, empty or non-UTF-8
/// argument. `err` may be NULL. Safe to call from several threads on one client.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_client_offer(
    client: *const cloudpartner_client,
    publisher: *const c_char,
    offer: *const c_char,
    slot: *const c_char,
    version: i64,
    out: *mut *mut cloudpartner_offer,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_client_offer", err, [
        out: out_arg,
        client: ref_arg,
        publisher: str_arg,
        offer: str_arg,
        slot: opt_str_arg,
    ] => {
        let version = (version != -1).then_some(version);
        let selector = OfferSelector::from_parts(slot, version).map_err(|e| e.context(FUNCTION))?;
        let read = runtime::block_on(client.client().offer(publisher, offer, selector))??;
        out.set(cloudpartner_offer::new(read));
        Ok(())
    })
}

/// Writes an offer back (`PUT /api/publishers/{p}/offers/{o}`, the ids taken from the
/// offer's document): the offer as it is now, edits included, every other field as it
/// was read. `*out` gets the offer as the service stored it, with its new version and
/// ETag: free it with `cloudpartner_offer_free()` (`offer` stays yours).
///
/// The precondition: by default `If-Match` with the offer's ETag (`If-Match: *` when it
/// has none: the service often sends none), so that a change made since the offer was
/// read is a `CLOUDPARTNER_ERROR_CONFLICT` and not lost — read the offer again and redo
/// the change. `if_match` (not NULL) sends that ETag instead; `flags`
/// `CLOUDPARTNER_PUT_FORCE` sends `If-Match: *` (overwrite), `CLOUDPARTNER_PUT_CREATE`
/// sends `If-None-Match: *` (create; a conflict when it exists). At most one of the three.
///
/// The write is sent once: it is retried only where the service cannot have acted (the
/// connection failed before sending, 408, 429, 503). On failure `*out` is NULL:
/// `CLOUDPARTNER_ERROR_CONFLICT` (HTTP 409, 412), `CLOUDPARTNER_ERROR_BAD_REQUEST` (400,
/// 422: the API's code and message in the error), ...; `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`
/// for an offer without `publisherId` or `id`, unknown flag bits, two preconditions, a
/// blank `if_match`, or a NULL or non-UTF-8 argument. `err` may be NULL. Safe to call
/// from several threads on one client.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_client_put_offer(
    client: *const cloudpartner_client,
    offer: *const cloudpartner_offer,
    if_match: *const c_char,
    flags: u32,
    out: *mut *mut cloudpartner_offer,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_client_put_offer", err, [
        out: out_arg,
        client: ref_arg,
        offer: ref_arg,
        if_match: opt_str_arg,
    ] => {
        let precondition = precondition(FUNCTION, if_match, flags)?;
        let stored = runtime::block_on(client.client().put_offer(offer.offer(), precondition))??;
        out.set(cloudpartner_offer::new(stored));
        Ok(())
    })
}

/// Publishes the offer's draft: the service validates it, copies it to preview and
/// certifies it, then waits for the publisher's review. Follow it with
/// `cloudpartner_client_watch()` with `until_publisher_action`, then
/// `cloudpartner_client_go_live()`. `notification_emails` is a comma-separated list of
/// addresses that get the service's notifications, or NULL for none.
///
/// On success `*out` gets the operation started: free it with
/// `cloudpartner_operation_ref_free()`. On failure `*out` is NULL:
/// `CLOUDPARTNER_ERROR_CONFLICT` when another operation runs,
/// `CLOUDPARTNER_ERROR_BAD_REQUEST` when the offer does not validate (HTTP 422, with the
/// API's code and message), ...; `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL, empty or
/// non-UTF-8 argument. Not retried where the service may have acted. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_client_publish(
    client: *const cloudpartner_client,
    publisher: *const c_char,
    offer: *const c_char,
    notification_emails: *const c_char,
    out: *mut *mut cloudpartner_operation_ref,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_client_publish", err, [
        out: out_arg,
        client: ref_arg,
        publisher: str_arg,
        offer: str_arg,
        notification_emails: opt_str_arg,
    ] => {
        let publish = client.client().publish(publisher, offer, emails(notification_emails));
        let reference = runtime::block_on(publish)??;
        out.set(cloudpartner_operation_ref::new(&reference));
        Ok(())
    })
}

/// Makes the reviewed preview live; follow it with `cloudpartner_client_watch()` until
/// terminal. Only while the offer waits for the publisher's review: else
/// `CLOUDPARTNER_ERROR_CONFLICT`. On success `*out` gets the operation started (free it
/// with `cloudpartner_operation_ref_free()`); on failure it is NULL. `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_client_go_live(
    client: *const cloudpartner_client,
    publisher: *const c_char,
    offer: *const c_char,
    out: *mut *mut cloudpartner_operation_ref,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_client_go_live", err, [
        out: out_arg,
        client: ref_arg,
        publisher: str_arg,
        offer: str_arg,
    ] => {
        let reference = runtime::block_on(client.client().go_live(publisher, offer))??;
        out.set(cloudpartner_operation_ref::new(&reference));
        Ok(())
    })
}

/// Cancels the offer's running operation. `notification_emails` as for
/// `cloudpartner_client_publish()`.
///
/// On success `*out` gets the operation to follow while the service cancels (HTTP 202;
/// free it with `cloudpartner_operation_ref_free()`), or NULL when the cancel was done at
/// once (HTTP 200: nothing to follow). On failure `*out` is NULL and the kind says why.
/// `err` may be NULL.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_client_cancel(
    client: *const cloudpartner_client,
    publisher: *const c_char,
    offer: *const c_char,
    notification_emails: *const c_char,
    out: *mut *mut cloudpartner_operation_ref,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_client_cancel", err, [
        out: out_arg,
        client: ref_arg,
        publisher: str_arg,
        offer: str_arg,
        notification_emails: opt_str_arg,
    ] => {
        let cancel = client.client().cancel(publisher, offer, emails(notification_emails));
        if let Some(reference) = runtime::block_on(cancel)?? {
            out.set(cloudpartner_operation_ref::new(&reference));
        }
        Ok(())
    })
}

/// The offer's operations (`GET .../submissions`): all of them when `state` is NULL, else
/// those in `state` — a state's spelling (`"running"`, `"completed"`, ...; read leniently:
/// `cloudpartner_operation_state_name()` gives one).
///
/// On success `*out` gets the list: free it with `cloudpartner_operation_list_free()`. On
/// failure `*out` is NULL; `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a state that is not
/// one, or a NULL, empty or non-UTF-8 argument. `err` may be NULL. Safe to call from
/// several threads on one client.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_client_operations(
    client: *const cloudpartner_client,
    publisher: *const c_char,
    offer: *const c_char,
    state: *const c_char,
    out: *mut *mut cloudpartner_operation_list,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_client_operations", err, [
        out: out_arg,
        client: ref_arg,
        publisher: str_arg,
        offer: str_arg,
        state: opt_str_arg,
    ] => {
        let state = state_filter(FUNCTION, state)?;
        let operations = runtime::block_on(client.client().operations(publisher, offer, state))??;
        out.set(cloudpartner_operation_list::new(operations));
        Ok(())
    })
}

/// One operation of an offer by id (`cloudpartner_operation_ref_id()`), with its steps
/// and messages (`cloudpartner_operation_detail()`).
///
/// On success `*out` gets the operation: free it with `cloudpartner_operation_free()`. On
/// failure `*out` is NULL: `CLOUDPARTNER_ERROR_NOT_FOUND`, ...;
/// `CLOUDPARTNER_ERROR_INVALID_ARGUMENT` for a NULL, empty or non-UTF-8 argument. `err`
/// may be NULL. Safe to call from several threads on one client.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_client_operation(
    client: *const cloudpartner_client,
    publisher: *const c_char,
    offer: *const c_char,
    operation_id: *const c_char,
    out: *mut *mut cloudpartner_operation,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_client_operation", err, [
        out: out_arg,
        client: ref_arg,
        publisher: str_arg,
        offer: str_arg,
        operation_id: str_arg,
    ] => {
        let operation = runtime::block_on(client.client().operation(publisher, offer, operation_id))??;
        out.set(cloudpartner_operation::new(operation));
        Ok(())
    })
}

/// The operation at `url` (`cloudpartner_operation_ref_url()`: absolute, or relative to
/// the client's base URL), in either of the service's forms. A URL on another origin than
/// the client's base URL is refused with `CLOUDPARTNER_ERROR_INVALID_ARGUMENT`, before any
/// request: the token is never sent elsewhere.
///
/// On success `*out` gets the operation: free it with `cloudpartner_operation_free()`. On
/// failure `*out` is NULL. `err` may be NULL. Safe to call from several threads on one
/// client.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn cloudpartner_client_operation_at(
    client: *const cloudpartner_client,
    url: *const c_char,
    out: *mut *mut cloudpartner_operation,
    err: *mut *mut cloudpartner_error,
) -> cloudpartner_error_kind {
    ffi::entry!("cloudpartner_client_operation_at", err, [
        out: out_arg,
        client: ref_arg,
        url: str_arg,
    ] => {
        let operation = runtime::block_on(client.client().operation_at(url))??;
        out.set(cloudpartner_operation::new(operation));
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use cloudpartner::ErrorKind;

    #[test]
    fn preconditions() {
        let p = |m, f| precondition("f", m, f);
        assert_eq!(p(None, 0).unwrap(), Precondition::Auto);
        assert_eq!(p(None, CLOUDPARTNER_PUT_FORCE).unwrap(), Precondition::Any);
        assert_eq!(
            p(None, CLOUDPARTNER_PUT_CREATE).unwrap(),
            Precondition::Create
        );
        assert_eq!(
            p(Some("W/\"1\""), 0).unwrap(),
            Precondition::IfMatch("W/\"1\"".into())
        );
        for (m, f) in [
            (None, CLOUDPARTNER_PUT_FORCE | CLOUDPARTNER_PUT_CREATE),
            (Some("e"), CLOUDPARTNER_PUT_FORCE),
            (Some("e"), CLOUDPARTNER_PUT_CREATE),
            (Some(" "), 0),
            (None, 4),
        ] {
            assert_eq!(
                p(m, f).unwrap_err().kind(),
                ErrorKind::InvalidArgument,
                "{m:?} {f}"
            );
        }
    }

    #[test]
    fn state_filters() {
        assert_eq!(state_filter("f", None).unwrap(), None);
        assert_eq!(
            state_filter("f", Some("Not Started")).unwrap(),
            Some(OperationState::NotStarted)
        );
        let e = state_filter("f", Some("queued")).unwrap_err();
        assert!(e.message().contains("notStarted, running"), "{e}");
    }
}
