'use strict'
// Client: argument type checks around the addon's NativeClient. The options become the
// core's ClientOptions; the core checks their values and picks the credential.

const addon = require('./addon')
const args = require('./arguments')
const { awaitNative, callNative, fromDetailsJson } = require('./errors')
const { tokenCallback } = require('./credential')
const { OfferStatus } = require('./offer-status')
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
    args.optionalNumber('options.concurrency', concurrency)
    return awaitNative(() => this[nativeClient].offerStatuses(publisherId, offerIds, concurrency ?? undefined)).then(
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
    return new Watch(handle, signal)
  }
}

module.exports = { Client, clientOf, nativeClientArguments }
