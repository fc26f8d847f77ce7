'use strict'
// Client: argument type checks around the addon's NativeClient. The options become the
// core's ClientOptions; the core checks their values and picks the credential.

const addon = require('./addon')
const args = require('./arguments')
const { call } = require('./call')
const { callNative, fromDetailsJson } = require('./errors')
const { tokenCallback } = require('./credential')
const { Offer, nativeOf, offerOf } = require('./offer')
const { OfferStatus } = require('./offer-status')
const { operationOf } = require('./operation')
const { release } = require('./release')
const { Watch } = require('./watch')

const CLIENT_OPTIONS = [
  'token',
  'credential',
  'baseUrl',
  'apiVersion',
  'timeoutMs',
  'connectTimeoutMs',
  'maxRetries',
  'allowHttp',
]
const WATCH_OPTIONS = ['until', 'minIntervalMs', 'maxIntervalMs', 'timeoutMs', 'signal']

/** The options object of a request (`known` plus `signal`), and its checked signal. */
function requestOptions(value, known = []) {
  const o = args.options('options', value, [...known, 'signal'])
  return { o, signal: args.optionalSignal('options.signal', o.signal) }
}

/** `notificationEmails`: a string (comma- or semicolon-separated) or an array of strings. */
function emails(value) {
  if (value == null) return []
  if (typeof value === 'string') return [value]
  return args.stringArray('options.notificationEmails', value)
}

/** The URL of `ref`: an OperationRef ({ url, id }) or the URL itself. */
function operationUrl(ref) {
  if (typeof ref === 'string') return ref
  if (ref !== null && typeof ref === 'object' && typeof ref.url === 'string') return ref.url
  throw args.typeError('ref', 'an operation reference ({ url, id }) or a URL string', ref)
}

const refOf = (ref) => (ref == null ? null : { url: ref.url, id: ref.id })

const nativeClient = Symbol('nativeClient')

/**
 * The addon's arguments for `options` (types checked here, values by the core):
 * `{ nativeOptions, credential }`, the credential as the addon's callback.
 */
function nativeClientArguments(options) {
  const o = args.options('options', options, CLIENT_OPTIONS)
  const nativeOptions = {
    token: args.optionalString('options.token', o.token),
    baseUrl: args.optionalString('options.baseUrl', o.baseUrl),
    apiVersion: args.optionalString('options.apiVersion', o.apiVersion),
    timeoutMs: args.optionalNumber('options.timeoutMs', o.timeoutMs),
    connectTimeoutMs: args.optionalNumber('options.connectTimeoutMs', o.connectTimeoutMs),
    maxRetries: args.optionalNumber('options.maxRetries', o.maxRetries),
    allowHttp: args.optionalBoolean('options.allowHttp', o.allowHttp),
  }
  return { nativeOptions, credential: tokenCallback(o.credential) }
}

/** A Client around a NativeClient the addon built (e.g. an emulator's). */
function clientOf(handle) {
  const client = Object.create(Client.prototype)
  Object.defineProperty(client, nativeClient, { value: handle })
  return client
}

class Client {
  /**
   * @param {object} [options] token or credential, baseUrl, apiVersion, timeoutMs,
   *   connectTimeoutMs, maxRetries, allowHttp; without token or credential, the
   *   environment then the Azure CLI
   */
  constructor(options) {
    const { nativeOptions, credential } = nativeClientArguments(options)
    Object.defineProperty(this, nativeClient, {
      value: callNative(() => new addon.NativeClient(nativeOptions, credential)),
    })
  }

  /** The base URL requests go to. */
  get baseUrl() {
    return this[nativeClient].baseUrl
  }

  /** The api-version sent. */
  get apiVersion() {
    return this[nativeClient].apiVersion
  }

  /** Where the credential came from, in words ('a token from CLOUDPARTNER_TOKEN'). */
  get credentialSource() {
    return this[nativeClient].credentialSource
  }

  /** Simulated seconds per real second of the server watched (1, but for an emulator's client). */
  get pollTimeScale() {
    return this[nativeClient].pollTimeScale
  }

  /** The status of one offer. Rejects with a CloudPartnerError. */
  offerStatus(publisherId, offerId, options) {
    args.string('publisherId', publisherId)
    args.string('offerId', offerId)
    const { signal } = requestOptions(options)
    return call(signal, (cancel) => this[nativeClient].offerStatus(publisherId, offerId, cancel)).then(
      (status) => new OfferStatus(status),
    )
  }

  /**
   * The status of several offers: `[{ offerId, status }]` or `[{ offerId, error }]`,
   * in input order; one failure does not fail the others.
   */
  offerStatuses(publisherId, offerIds, batchOptions) {
    args.string('publisherId', publisherId)
    args.stringArray('offerIds', offerIds)
    const { o, signal } = requestOptions(batchOptions, ['concurrency'])
    const concurrency = args.optionalNumber('options.concurrency', o.concurrency)
    return call(signal, (cancel) => this[nativeClient].offerStatuses(publisherId, offerIds, concurrency, cancel)).then(
      (items) =>
        items.map((item) =>
          item.error != null
            ? { offerId: item.offerId, error: fromDetailsJson(item.error) }
            : { offerId: item.offerId, status: new OfferStatus(item.status) },
        ),
    )
  }

  /** The publisher accounts the identity may work on: `[{ id, displayText, sellerId }]`. */
  publishers(options) {
    const { signal } = requestOptions(options)
    return call(signal, (cancel) => this[nativeClient].publishers(cancel)).then((list) =>
      list.map((p) => ({ id: p.id, displayText: p.displayText, sellerId: p.sellerId })),
    )
  }

  /** A publisher's offers, as summaries (the definition has the display text, no plans). */
  offers(publisherId, options) {
    args.string('publisherId', publisherId)
    const { signal } = requestOptions(options)
    return call(signal, (cancel) => this[nativeClient].offers(publisherId, cancel)).then((list) => list.map(offerOf))
  }

  /**
   * One offer: the draft (with its ETag), or `{ slot: 'preview' | 'production' | 'draft' }`,
   * or `{ version: n }`.
   */
  offer(publisherId, offerId, options) {
    args.string('publisherId', publisherId)
    args.string('offerId', offerId)
    const { o, signal } = requestOptions(options, ['slot', 'version'])
    const slot = args.optionalString('options.slot', o.slot)
    const version = args.optionalNumber('options.version', o.version)
    return call(signal, (cancel) => this[nativeClient].offer(publisherId, offerId, slot, version, cancel)).then(offerOf)
  }

  /**
   * Writes the offer as it is now (edits of its definition included) and resolves with
   * the offer as stored, with its new ETag. `If-Match` is the offer's ETag (or `*`
   * without one); `{ ifMatch }` sends another, `{ force: true }` sends `*`, `{ create:
   * true }` sends `If-None-Match: *`. A changed offer is a `conflict` error.
   */
  putOffer(offer, options) {
    if (!(offer instanceof Offer)) throw args.typeError('offer', 'an Offer', offer)
    const { o, signal } = requestOptions(options, ['ifMatch', 'force', 'create'])
    const ifMatch = args.optionalString('options.ifMatch', o.ifMatch)
    const force = args.optionalBoolean('options.force', o.force)
    const create = args.optionalBoolean('options.create', o.create)
    const native = nativeOf(offer)
    return call(signal, (cancel) => this[nativeClient].putOffer(native, ifMatch, force, create, cancel)).then(offerOf)
  }

  /** Publishes the offer's draft; resolves with the operation to follow, `{ url, id }`. */
  publish(publisherId, offerId, options) {
    args.string('publisherId', publisherId)
    args.string('offerId', offerId)
    const { o, signal } = requestOptions(options, ['notificationEmails'])
    const list = emails(o.notificationEmails)
    return call(signal, (cancel) => this[nativeClient].publish(publisherId, offerId, list, cancel)).then(refOf)
  }

  /** Makes the reviewed preview live; resolves with the operation to follow. */
  goLive(publisherId, offerId, options) {
    args.string('publisherId', publisherId)
    args.string('offerId', offerId)
    const { signal } = requestOptions(options)
    return call(signal, (cancel) => this[nativeClient].goLive(publisherId, offerId, cancel)).then(refOf)
  }

  /** Cancels the running operation: the operation to follow, or null when it was done at once. */
  cancel(publisherId, offerId, options) {
    args.string('publisherId', publisherId)
    args.string('offerId', offerId)
    const { o, signal } = requestOptions(options, ['notificationEmails'])
    const list = emails(o.notificationEmails)
    return call(signal, (cancel) => this[nativeClient].cancel(publisherId, offerId, list, cancel)).then(refOf)
  }

  /** The offer's operations; `{ state }` keeps those in that state. */
  operations(publisherId, offerId, options) {
    args.string('publisherId', publisherId)
    args.string('offerId', offerId)
    const { o, signal } = requestOptions(options, ['state'])
    const state = args.optionalString('options.state', o.state)
    return call(signal, (cancel) => this[nativeClient].operations(publisherId, offerId, state, cancel)).then((list) =>
      list.map(operationOf),
    )
  }

  /** One operation by id. */
  operation(publisherId, offerId, operationId, options) {
    args.string('publisherId', publisherId)
    args.string('offerId', offerId)
    args.string('operationId', operationId)
    const { signal } = requestOptions(options)
    return call(signal, (cancel) => this[nativeClient].operation(publisherId, offerId, operationId, cancel)).then(
      operationOf,
    )
  }

  /**
   * The operation an OperationRef (or its URL) points at. A URL on another origin than
   * the client's base URL is refused (kind 'invalid_argument'): the token stays here.
   */
  operationAt(ref, options) {
    const url = operationUrl(ref)
    const { signal } = requestOptions(options)
    return call(signal, (cancel) => this[nativeClient].operationAt(url, cancel)).then(operationOf)
  }

  /**
   * Releases a VM image version, as `cloudpartner release` does (the core's workflow):
   * read the draft, add the image to the plan, write it back with the ETag read,
   * publish, wait for the review, and with `goLive` go live and wait until live.
   * `onProgress(event)` gets each phase started and finished and each status while
   * waiting; resolves with `{ outcome, status, diff }` ('live', 'at_review', 'failed',
   * 'canceled' or 'dry_run'), plus `phase` and `operation` when the service failed or
   * canceled it. Errors reject with a CloudPartnerError ('release failed at PHASE: ...').
   */
  release(request, options) {
    return release(this[nativeClient], request, options)
  }

  /**
   * Polls an offer until it is terminal (or, with until: 'review', until it needs the
   * publisher), yielding each status that differs from the last. An async iterable:
   * `for await (const status of client.watch(p, o, { signal })) ...`
   */
  watch(publisherId, offerId, watchOptions) {
    args.string('publisherId', publisherId)
    args.string('offerId', offerId)
    const o = args.options('options', watchOptions, WATCH_OPTIONS)
    const signal = args.optionalSignal('options.signal', o.signal)
    const nativeOptions = {
      until: args.optionalString('options.until', o.until),
      minIntervalMs: args.optionalNumber('options.minIntervalMs', o.minIntervalMs),
      maxIntervalMs: args.optionalNumber('options.maxIntervalMs', o.maxIntervalMs),
      timeoutMs: args.optionalNumber('options.timeoutMs', o.timeoutMs),
    }
    const handle = callNative(() => this[nativeClient].watch(publisherId, offerId, nativeOptions))
    return new Watch(handle, signal)
  }
}

module.exports = { Client, clientOf, nativeClientArguments }
