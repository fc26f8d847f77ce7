'use strict'
// Watch: the core's watch handle as an async iterator. `close()` (also what `break`
// and `return()` do) ends it cleanly: a pending next() and every later one give
// { done: true }, and no more requests are sent. An AbortSignal closes it too, and the
// iteration then rejects once with a CloudPartnerError of kind 'canceled' named
// 'AbortError'.

const { abortError, fromNative } = require('./errors')
const { OfferStatus } = require('./offer-status')

const DONE = Object.freeze({ done: true, value: undefined })

class Watch {
  #handle
  #signal
  #onAbort
  #finished = false
  #closed = false

  #convert

  /** Internal: made by `client.watch()` around a NativeWatch and an optional AbortSignal;
   * `convert` makes each native item the value yielded (an OfferStatus by default).
   * @param {any} handle
   * @param {any} [signal]
   * @param {(item: any) => any} [convert]
   */
  constructor(handle, signal, convert = (item) => new OfferStatus(item)) {
    this.#handle = handle
    this.#convert = convert
    this.#signal = signal
    if (signal) {
      this.#onAbort = () => handle.close()
      signal.addEventListener('abort', this.#onAbort, { once: true })
    }
  }

  [Symbol.asyncIterator]() {
    return this
  }

  /** The next status that differs from the last one; `{ done: true }` once the watch is over. */
  async next() {
    if (this.#finished) return { ...DONE }
    if (this.#signal?.aborted) throw this.#finish(abortError(this.#signal, 'the watch'))
    let item
    try {
      item = await this.#handle.next()
    } catch (error) {
      throw this.#finish(this.#aborted() ? abortError(this.#signal, 'the watch') : fromNative(error))
    }
    if (item == null) {
      const error = this.#aborted() ? abortError(this.#signal, 'the watch') : null
      this.#finish()
      if (error) throw error
      return { ...DONE }
    }
    return { done: false, value: this.#convert(item) }
  }

  /** Ends the watch (what `break` calls): `{ done: true }` from now on. */
  async return(value) {
    this.close()
    return { done: true, value }
  }

  /** Ends the watch at once: a pending next() and every later one give `{ done: true }`.
   * Idempotent. */
  close() {
    this.#closed = true
    this.#finish()
  }

  /** The signal ended the watch (rather than close() or the end of the publish). */
  #aborted() {
    return !this.#closed && this.#signal?.aborted === true
  }

  /** Stops the native watch and lets go of the signal; returns `error` (to throw it). */
  #finish(error) {
    this.#finished = true
    this.#handle.close()
    if (this.#onAbort) {
      this.#signal.removeEventListener('abort', this.#onAbort)
      this.#onAbort = undefined
    }
    return error
  }
}

module.exports = { Watch }
