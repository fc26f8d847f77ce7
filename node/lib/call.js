'use strict'
// One request of the client, abortable: `call(signal, (cancel) => native.method(..., cancel))`.
// Without a signal the addon's promise is awaited as it is. With one, the addon gets an
// abort switch (NativeCancel) that drops the request, and any retry still to come, when
// the signal fires; the call then rejects at once with a CloudPartnerError of kind
// 'canceled' named 'AbortError' (as fetch's AbortError), the signal's reason as cause.

const addon = require('./addon')
const { abortError, awaitNative } = require('./errors')

function call(signal, start) {
  if (signal == null) return awaitNative(() => start(undefined))
  if (signal.aborted) return Promise.reject(abortError(signal))
  const cancel = new addon.NativeCancel()
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      cancel.cancel()
      reject(abortError(signal))
    }
    signal.addEventListener('abort', onAbort, { once: true })
    awaitNative(() => start(cancel))
      .then(resolve, (error) => reject(signal.aborted ? abortError(signal) : error))
      .finally(() => signal.removeEventListener('abort', onAbort))
  })
}

module.exports = { call }
