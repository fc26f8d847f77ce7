//! Aborting a call: the JavaScript layer makes a [`NativeCancel`] for a call given an
//! `AbortSignal` and calls `cancel()` when the signal fires. The call's future is then
//! dropped — the request in flight with it, and any retry still to come — and the call
//! rejects with kind `canceled`.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use cloudpartner::{Error, ErrorKind};
use napi::Env;
use napi::bindgen_prelude::{PromiseRaw, ToNapiValue};
use napi_derive::napi;
use tokio::sync::Notify;

use crate::error::to_napi;

#[derive(Default)]
struct CancelState {
    canceled: AtomicBool,
    notify: Notify,
}

impl CancelState {
    async fn canceled(&self) {
        loop {
            let notified = self.notify.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            if self.canceled.load(Ordering::Acquire) {
                return;
            }
            notified.await;
        }
    }
}

/// The abort switch of one call.
#[napi]
pub struct NativeCancel {
    state: Arc<CancelState>,
}

#[napi]
impl NativeCancel {
    /// A switch not yet thrown.
    #[napi(constructor)]
    #[allow(clippy::new_without_default)]
    pub fn new() -> NativeCancel {
        NativeCancel {
            state: Arc::default(),
        }
    }

    /// Aborts the call: its request is dropped and it rejects with kind `canceled`.
    /// Idempotent.
    #[napi]
    pub fn cancel(&self) {
        self.state.canceled.store(true, Ordering::Release);
        self.state.notify.notify_waiters();
    }
}

/// What a call holds to notice its abort.
#[derive(Clone)]
pub struct CancelToken(Option<Arc<CancelState>>);

impl CancelToken {
    /// The token of `cancel` (none: the call cannot be aborted).
    pub fn of(cancel: Option<&NativeCancel>) -> CancelToken {
        CancelToken(cancel.map(|c| Arc::clone(&c.state)))
    }

    /// Runs `future` until it ends or the call is aborted (then it is dropped).
    pub async fn run<T>(
        &self,
        future: impl Future<Output = cloudpartner::Result<T>>,
    ) -> cloudpartner::Result<T> {
        let Some(state) = &self.0 else {
            return future.await;
        };
        if state.canceled.load(Ordering::Acquire) {
            return Err(aborted());
        }
        tokio::select! {
            biased;
            () = state.canceled() => Err(aborted()),
            result = future => result,
        }
    }
}

fn aborted() -> Error {
    Error::new(ErrorKind::Canceled, "the call was aborted")
}

/// Spawns a call on the addon's runtime, abortable through `cancel`, and gives its
/// promise; `convert` makes the core's result a JavaScript value.
pub fn spawn_call<'env, T, R, F>(
    env: &'env Env,
    cancel: Option<&NativeCancel>,
    future: F,
    convert: fn(T) -> napi::Result<R>,
) -> napi::Result<PromiseRaw<'env, R>>
where
    T: Send + 'static,
    R: ToNapiValue + Send + 'static,
    F: Future<Output = cloudpartner::Result<T>> + Send + 'static,
{
    let token = CancelToken::of(cancel);
    env.spawn_future(async move {
        match token.run(future).await {
            Ok(value) => convert(value),
            Err(e) => Err(to_napi(&e)),
        }
    })
}
