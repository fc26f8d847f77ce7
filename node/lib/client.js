'use strict'
// Client: argument checks and conversions around the addon's NativeClient.

const native = require('./native')
const args = require('./arguments')
const { awaitNative, callNative, fromDetailsJson } = require('./errors')
const { tokenCallback } = require('./credential')
const { OfferStatus } = require('./offer-status')
const { iterate } = require('./watch')

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
const MAX_U32 = 2 ** 32 - 1

const nativeClient = Symbol('nativeClient')

class Client {
  /**
   * @param {object} options token or credential, baseUrl, apiVersion, timeoutMs,
   *   connectTimeoutMs, maxRetries, allowHttp
   */
  constructor(options) {
    const o = args.options('options', options, CLIENT_OPTIONS)
    const nativeOptions = {
      token: args.optionalString('options.token', o.token),
      baseUrl: args.optionalString('options.baseUrl', o.baseUrl),
      apiVersion: args.optionalString('options.apiVersion', o.apiVersion),
      timeoutMs: args.optionalNumber('options.timeoutMs', o.timeoutMs, { min: 1 }),
      connectTimeoutMs: args.optionalNumber('options.connectTimeoutMs', o.connectTimeoutMs, { min: 1 }),
      maxRetries: args.optionalNumber('options.maxRetries', o.maxRetries, { integer: true, max: MAX_U32 }),
      allowHttp: args.optionalBoolean('options.allowHttp', o.allowHttp),
    }
    const credential = tokenCallback(o.credential)
    Object.defineProperty(this, nativeClient, {
      value: callNative(() => new native.NativeClient(nativeOptions, credential)),
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

  /** The status of one offer. Rejects with a CloudPartnerError. */
  offerStatus(publisherId, offerId) {
    args.string('publisherId', publisherId)
    args.string('offerId', offerId)
    return awaitNative(() => this[nativeClient].offerStatus(publisherId, offerId)).then(
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
    const { concurrency } = args.options('options', batchOptions, ['concurrency'])
    args.optionalNumber('options.concurrency', concurrency, { min: 1, integer: true, max: MAX_U32 })
    return awaitNative(() => this[nativeClient].offerStatuses(publisherId, offerIds, concurrency)).then(
      (items) =>
        items.map((item) =>
          item.error != null
            ? { offerId: item.offerId, error: fromDetailsJson(item.error) }
            : { offerId: item.offerId, status: new OfferStatus(item.status) },
        ),
    )
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
    return iterate(handle, signal)
  }
}

module.exports = { Client }
