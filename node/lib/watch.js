'use strict'
// watch(): the core's watch stream as an async iterable. Breaking out of the loop
// closes the native watch (no more polling); an AbortSignal closes it at once and the
// iteration rejects with a CloudPartnerError of kind 'canceled' named 'AbortError'.

const { abortError, fromNative } = require('./errors')
const { OfferStatus } = require('./offer-status')

/** Iterates a NativeWatch; `signal` is an optional AbortSignal. */
async function* iterate(handle, signal) {
  const onAbort = () => handle.close()
  signal?.addEventListener('abort', onAbort, { once: true })
  try {
    if (signal?.aborted) throw abortError(signal)
    for (;;) {
      let next
      try {
        next = await handle.next()
      } catch (error) {
        if (signal?.aborted) throw abortError(signal)
        throw fromNative(error)
      }
      if (next == null) return
      yield new OfferStatus(next)
      if (signal?.aborted) throw abortError(signal)
    }
  } finally {
    signal?.removeEventListener('abort', onAbort)
    handle.close()
  }
}

module.exports = { iterate }
