'use strict'
// Emulator: the local Cloud Partner Portal emulator (a real HTTP server on
// 127.0.0.1), for tests and demos: `const emu = await Emulator.start()`. The core's
// emulator handle: stop() is idempotent, requests() stays readable after it, and
// client() gives a ready Client polling on the emulator's clock.

const addon = require('./addon')
const args = require('./arguments')
const { awaitNative, callNative } = require('./errors')
const { clientOf, nativeClientArguments } = require('./client')
const { ingestionClientOf, nativeIngestionArguments } = require('./ingestion/client')

const nativeEmulator = Symbol('nativeEmulator')

/** The scenario as [json, path]: an object (serialised), JSON text, or a file path. */
function scenarioSource(scenario) {
  if (scenario == null) return [undefined, undefined]
  if (typeof scenario === 'string') {
    return scenario.trimStart().startsWith('{') ? [scenario, undefined] : [undefined, scenario]
  }
  if (typeof scenario === 'object' && !Array.isArray(scenario)) return [JSON.stringify(scenario), undefined]
  throw args.typeError('options.scenario', 'an object, a JSON string or a file path', scenario)
}

class Emulator {
  /** Internal: use `await Emulator.start()`. */
  constructor(handle) {
    Object.defineProperty(this, nativeEmulator, { value: handle })
  }

  /**
   * Starts an emulator on a free port of 127.0.0.1.
   * @param {object} [startOptions] scenario (an object, a JSON string or a path; the
   *   default scenario when absent), timeScale (simulated seconds per real second; a
   *   positive number)
   */
  static async start(startOptions) {
    const o = args.options('options', startOptions, ['scenario', 'timeScale'])
    const [json, path] = scenarioSource(o.scenario)
    const timeScale = args.optionalNumber('options.timeScale', o.timeScale)
    const handle = await awaitNative(() => addon.startEmulator(json, path, timeScale))
    return new Emulator(handle)
  }

  /** The URL to point a Client at, e.g. http://127.0.0.1:41234. */
  get baseUrl() {
    return this[nativeEmulator].baseUrl
  }

  /** The bearer token the emulator accepts. */
  get token() {
    return this[nativeEmulator].token
  }

  /** Simulated seconds per real second of its clock. */
  get timeScale() {
    return this[nativeEmulator].timeScale
  }

  /**
   * A Client of this emulator: its baseUrl and token, polling on its clock (a watch's
   * default intervals divided by timeScale). `options` are those of `new Client()`,
   * laid over these; a `credential` replaces the emulator's token.
   */
  client(options) {
    const { nativeOptions, credential } = nativeClientArguments(options)
    return clientOf(callNative(() => this[nativeEmulator].client(nativeOptions, credential)))
  }

  /** The Product Ingestion API's base URL, `<baseUrl>/rp/product-ingestion`. */
  get ingestionBaseUrl() {
    return this[nativeEmulator].ingestionBaseUrl
  }

  /**
   * An IngestionClient of this emulator: its ingestion base URL and token, polling on its
   * clock. `options` are those of `new IngestionClient()`, laid over these.
   */
  ingestionClient(options) {
    const { nativeOptions, credential } = nativeIngestionArguments(options)
    return ingestionClientOf(callNative(() => this[nativeEmulator].ingestionClient(nativeOptions, credential)))
  }

  /** Adds a fault (DESIGN §4), e.g. { kind: 'status', status: 503, times: 1 }. */
  addFault(fault) {
    if (fault == null || typeof fault !== 'object' || Array.isArray(fault)) {
      throw args.typeError('fault', 'an object', fault)
    }
    callNative(() => this[nativeEmulator].addFault(JSON.stringify(fault)))
  }

  /** Serves `document` (an object) verbatim as this offer's status from now on. */
  setOfferStatus(publisherId, offerId, document) {
    args.string('publisherId', publisherId)
    args.string('offerId', offerId)
    if (document == null || typeof document !== 'object') {
      throw args.typeError('document', 'an object', document)
    }
    callNative(() => this[nativeEmulator].setOfferStatus(publisherId, offerId, JSON.stringify(document)))
  }

  /** The requests received so far: [{ method, path, query, headers, body }] (`body` a
   * Buffer for writes to the API, else null); still readable after stop(). */
  requests() {
    return callNative(() => this[nativeEmulator].requests()).map((r) => ({
      method: r.method,
      path: r.path,
      query: r.query ?? null,
      headers: r.headers,
      body: r.body ?? null,
    }))
  }

  /**
   * The offer document the emulator stores — what the service would hold after the
   * requests so far — in the draft, or `{ slot: 'preview' | 'production' }`; null when
   * the offer, or that slot, has none.
   */
  offerDocument(publisherId, offerId, options) {
    args.string('publisherId', publisherId)
    args.string('offerId', offerId)
    const slot = args.optionalString('options.slot', args.options('options', options, ['slot']).slot)
    const json = callNative(() => this[nativeEmulator].offerDocument(publisherId, offerId, slot))
    return json == null ? null : JSON.parse(json)
  }

  /**
   * Writes an offer's draft as a second writer would: stored as the next version with a
   * fresh ETag, so an ETag read before no longer matches. Returns the stored document.
   */
  setOfferDocument(publisherId, offerId, document) {
    args.string('publisherId', publisherId)
    args.string('offerId', offerId)
    if (document == null || typeof document !== 'object' || Array.isArray(document)) {
      throw args.typeError('document', 'an object', document)
    }
    return JSON.parse(callNative(() => this[nativeEmulator].setOfferDocument(publisherId, offerId, JSON.stringify(document))))
  }

  /** The current ETag of an offer's draft (also with omitEtag); null when it has none. */
  offerEtag(publisherId, offerId) {
    args.string('publisherId', publisherId)
    args.string('offerId', offerId)
    return callNative(() => this[nativeEmulator].offerEtag(publisherId, offerId)) ?? null
  }

  /** Stops the server and waits for it; stopping twice is fine. */
  stop() {
    return awaitNative(() => this[nativeEmulator].stop())
  }
}

module.exports = { Emulator }
