'use strict'
// CloudPartnerError: the one error class of the package. The addon reports core
// errors as JSON in the message ({"cloudpartner": {kind, message, ...}}); fromNative()
// rebuilds them here, so every rejection a user sees is a CloudPartnerError.

const addon = require('./addon')

/** The error kinds shared by every cloudpartner interface (DESIGN §3): the core's own
 * list, as the addon hands it over (the ErrorKind union of tables.d.ts is generated
 * from the same list). */
const ERROR_KINDS = Object.freeze(addon.tables().errorKinds)

/** `'not_found'` -> `'ERR_CLOUDPARTNER_NOT_FOUND'` (the Node.js convention for `code`). */
function codeOf(kind) {
  return `ERR_CLOUDPARTNER_${kind.toUpperCase()}`
}

class CloudPartnerError extends Error {
  /**
   * @param {string} kind one of ERROR_KINDS
   * @param {string} message one line
   * @param {object} [details] statusCode, apiCode, requestId, requestIdIsClient, line, column, retryAfterMs, cause
   */
  constructor(kind, message, details = {}) {
    if (!ERROR_KINDS.includes(kind)) {
      const text = `The "kind" argument must be one of ${ERROR_KINDS.join(', ')}, got ${JSON.stringify(kind)}`
      throw Object.assign(new TypeError(text), { code: 'ERR_INVALID_ARG_VALUE' })
    }
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.kind = kind
    this.code = codeOf(kind)
    this.statusCode = details.statusCode ?? null
    this.apiCode = details.apiCode ?? null
    this.requestId = details.requestId ?? null
    this.requestIdIsClient = details.requestIdIsClient ?? false
    if (details.line != null) this.line = details.line
    if (details.column != null) this.column = details.column
    if (details.retryAfterMs != null) this.retryAfterMs = details.retryAfterMs
  }
}
Object.defineProperty(CloudPartnerError.prototype, 'name', {
  value: 'CloudPartnerError',
  writable: true,
  configurable: true,
})

/** The error description the addon put in a message, or null. */
function nativeDetails(message) {
  if (typeof message !== 'string' || !message.startsWith('{"cloudpartner"')) return null
  try {
    const details = JSON.parse(message).cloudpartner
    return details && typeof details.kind === 'string' ? details : null
  } catch {
    return null
  }
}

/** An addon error as a CloudPartnerError. An error that is not the addon's JSON (a
 * napi conversion failure) becomes kind 'internal' with the original as its cause; a
 * kind of the addon is always one of ERROR_KINDS, which is the addon's own list. */
function fromNative(error) {
  if (error instanceof CloudPartnerError) return error
  const details = nativeDetails(error && error.message)
  if (details) return fromDetails(details)
  const message = error && error.message ? error.message : String(error)
  return new CloudPartnerError('internal', `unexpected error in the native addon: ${message}`, {
    cause: error,
  })
}

/** A CloudPartnerError from the JSON text the addon gives for one item of a batch. */
function fromDetailsJson(json) {
  return fromNative({ message: json })
}

function fromDetails(details) {
  return new CloudPartnerError(details.kind, details.message, details)
}

/** The error a call (or a watch) ends with when its AbortSignal fires: kind 'canceled',
 * named 'AbortError' as fetch's is, the signal's reason as its cause. */
function abortError(signal, what = 'the call') {
  const error = new CloudPartnerError('canceled', `${what} was aborted`, { cause: signal.reason })
  error.name = 'AbortError'
  return error
}

/** Runs a synchronous addon call, converting what it throws. */
function callNative(fn) {
  try {
    return fn()
  } catch (error) {
    throw fromNativeAt(error, callNative)
  }
}

/** Calls an async addon function and awaits it, converting a throw or a rejection. */
async function awaitNative(fn) {
  try {
    return await fn()
  } catch (error) {
    throw fromNativeAt(error, awaitNative)
  }
}

/** fromNative(), with the stack starting at the caller of `boundary` (not in this package). */
function fromNativeAt(error, boundary) {
  const converted = fromNative(error)
  if (converted !== error) Error.captureStackTrace(converted, boundary)
  return converted
}

module.exports = {
  ERROR_KINDS,
  CloudPartnerError,
  abortError,
  awaitNative,
  callNative,
  fromDetailsJson,
  fromNative,
}
