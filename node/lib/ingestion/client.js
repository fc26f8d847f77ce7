'use strict'
// IngestionClient: the Product Ingestion API (DESIGN §10) — argument type checks around
// the addon's NativeIngestionClient. The options are Client's, with `baseUrl` and
// `version` for this API; the same credential chain (asked for a Microsoft Graph token).
// Every call takes `{ signal }`. A product argument is a Product, an offer id or a
// durable id `product/<guid>`.

const addon = require('../addon')
const args = require('../arguments')
const { call } = require('../call')
const { callNative } = require('../errors')
const { tokenCallback } = require('../credential')
const { Watch } = require('../watch')
const { Product, resourceJson, resourceOf } = require('./resource')
const { ResourceTree } = require('./tree')
const { jobOf, productStatusOf, submissionOf } = require('./values')
const { release } = require('./release')

const OPTIONS = ['token', 'credential', 'baseUrl', 'version', 'timeoutMs', 'connectTimeoutMs', 'maxRetries', 'allowHttp']
const WAIT_OPTIONS = ['minIntervalMs', 'maxIntervalMs', 'timeoutMs']

const nativeClient = Symbol('nativeIngestionClient')

/** The addon's arguments for `options`: `{ nativeOptions, credential }`. */
function nativeIngestionArguments(options) {
  const o = args.options('options', options, OPTIONS)
  const nativeOptions = {
    token: args.optionalString('options.token', o.token),
    baseUrl: args.optionalString('options.baseUrl', o.baseUrl),
    version: args.optionalString('options.version', o.version),
    timeoutMs: args.optionalNumber('options.timeoutMs', o.timeoutMs),
    connectTimeoutMs: args.optionalNumber('options.connectTimeoutMs', o.connectTimeoutMs),
    maxRetries: args.optionalNumber('options.maxRetries', o.maxRetries),
    allowHttp: args.optionalBoolean('options.allowHttp', o.allowHttp),
  }
  return { nativeOptions, credential: tokenCallback(o.credential) }
}

/** An IngestionClient around a NativeIngestionClient the addon built (an emulator's). */
function ingestionClientOf(handle) {
  const client = Object.create(IngestionClient.prototype)
  Object.defineProperty(client, nativeClient, { value: handle })
  return client
}

function requestOptions(value, known = []) {
  const o = args.options('options', value, [...known, 'signal'])
  return { o, signal: args.optionalSignal('options.signal', o.signal) }
}

/** A product argument as the addon takes it: [id, document JSON or undefined]. */
function productArgument(product) {
  if (product instanceof Product) return [product.id, product.toJson()]
  if (typeof product === 'string') return [product, undefined]
  throw args.typeError('product', 'a Product, an offer id or a durable id (product/<guid>)', product)
}

/** `{ minIntervalMs, maxIntervalMs, timeoutMs }` (and `until` for watch) for the addon. */
function waitOptions(o, until) {
  return {
    until: until ? args.optionalString('options.until', o.until) : undefined,
    minIntervalMs: args.optionalNumber('options.minIntervalMs', o.minIntervalMs),
    maxIntervalMs: args.optionalNumber('options.maxIntervalMs', o.maxIntervalMs),
    timeoutMs: args.optionalNumber('options.timeoutMs', o.timeoutMs),
  }
}

/** A job id: a string, or a job (`{ id }`). */
function jobId(job) {
  if (typeof job === 'string') return job
  if (job !== null && typeof job === 'object' && typeof job.id === 'string') return job.id
  throw args.typeError('job', 'a job ({ id }) or a job id', job)
}

class IngestionClient {
  /**
   * @param {object} [options] token or credential, baseUrl, version, timeoutMs,
   *   connectTimeoutMs, maxRetries, allowHttp; without token or credential, the
   *   environment then the Azure CLI (a Microsoft Graph token)
   */
  constructor(options) {
    const { nativeOptions, credential } = nativeIngestionArguments(options)
    Object.defineProperty(this, nativeClient, {
      value: callNative(() => new addon.NativeIngestionClient(nativeOptions, credential)),
    })
  }

  /** The base URL requests go to. */
  get baseUrl() {
    return this[nativeClient].baseUrl
  }

  /** The `$version` sent. */
  get version() {
    return this[nativeClient].version
  }

  /** Where the credential came from, in words. */
  get credentialSource() {
    return this[nativeClient].credentialSource
  }

  /** Simulated seconds per real second of the server watched. */
  get pollTimeScale() {
    return this[nativeClient].pollTimeScale
  }

  /** Every product (every page followed); `{ pageSize }` asks for pages of that many. */
  products(options) {
    const { o, signal } = requestOptions(options, ['pageSize'])
    const pageSize = args.optionalNumber('options.pageSize', o.pageSize)
    return call(signal, (cancel) => this[nativeClient].products(pageSize, cancel)).then((list) => list.map(resourceOf))
  }

  /** One product by offer id (or durable id `product/<guid>`). */
  product(offerId, options) {
    args.string('offerId', offerId)
    const { signal } = requestOptions(options)
    return call(signal, (cancel) => this[nativeClient].product(offerId, cancel)).then(resourceOf)
  }

  /** A product's plans. */
  plans(product, options) {
    const [id, doc] = productArgument(product)
    const { signal } = requestOptions(options)
    return call(signal, (cancel) => this[nativeClient].plans(id, doc, cancel)).then((list) => list.map(resourceOf))
  }

  /** A product's resource tree; `{ target: 'draft' | 'preview' | 'live' }` (draft by default). */
  resourceTree(product, options) {
    const [id, doc] = productArgument(product)
    const { o, signal } = requestOptions(options, ['target'])
    const target = args.optionalString('options.target', o.target)
    return call(signal, (cancel) => this[nativeClient].resourceTree(id, doc, target, cancel)).then(
      (tree) => new ResourceTree(tree),
    )
  }

  /** One resource (the draft) by durable id. */
  resource(durableId, options) {
    args.string('durableId', durableId)
    const { signal } = requestOptions(options)
    return call(signal, (cancel) => this[nativeClient].resource(durableId, cancel)).then(resourceOf)
  }

  /** Sends resources (Resources as they are now, or plain objects); resolves with the job. */
  configure(resources, options) {
    if (!Array.isArray(resources)) throw args.typeError('resources', 'an array of resources', resources)
    const list = resources.map(resourceJson)
    const { signal } = requestOptions(options)
    return call(signal, (cancel) => this[nativeClient].configure(list, cancel)).then(jobOf)
  }

  /** A job's status. */
  job(job, options) {
    const id = jobId(job)
    const { signal } = requestOptions(options)
    return call(signal, (cancel) => this[nativeClient].job(id, cancel)).then(jobOf)
  }

  /** The resources a completed job stored. */
  jobDetail(job, options) {
    const id = jobId(job)
    const { signal } = requestOptions(options)
    return call(signal, (cancel) => this[nativeClient].jobDetail(id, cancel)).then((list) => list.map(resourceOf))
  }

  /** Cancels a running job; resolves with its status. */
  cancelJob(job, options) {
    const id = jobId(job)
    const { signal } = requestOptions(options)
    return call(signal, (cancel) => this[nativeClient].cancelJob(id, cancel)).then(jobOf)
  }

  /** Waits until a job is done (a failed job resolves: check `succeeded`). */
  waitForJob(job, options) {
    const id = jobId(job)
    const { o, signal } = requestOptions(options, WAIT_OPTIONS)
    const wait = waitOptions(o, false)
    return call(signal, (cancel) => this[nativeClient].waitForJob(id, wait, cancel)).then(jobOf)
  }

  /** A product's submissions. */
  submissions(product, options) {
    const [id, doc] = productArgument(product)
    const { signal } = requestOptions(options)
    return call(signal, (cancel) => this[nativeClient].submissions(id, doc, cancel)).then((list) =>
      list.map(submissionOf),
    )
  }

  /** Where a product stands: `{ stage, preview, live, ... }`. */
  productStatus(product, options) {
    const [id, doc] = productArgument(product)
    const { signal } = requestOptions(options)
    return call(signal, (cancel) => this[nativeClient].productStatus(id, doc, cancel)).then(productStatusOf)
  }

  /** Publishes the draft to preview; resolves with the job (`conflict` while a submission runs). */
  publish(product, options) {
    const [id, doc] = productArgument(product)
    const { signal } = requestOptions(options)
    return call(signal, (cancel) => this[nativeClient].publish(id, doc, cancel)).then(jobOf)
  }

  /** Pushes the latest succeeded preview live; resolves with the job. */
  goLive(product, options) {
    const [id, doc] = productArgument(product)
    const { signal } = requestOptions(options)
    return call(signal, (cancel) => this[nativeClient].goLive(id, doc, cancel)).then(jobOf)
  }

  /**
   * Follows a product's stage until it is terminal (`{ until: 'review' }`: until a
   * preview waits for go-live), yielding each status that differs from the last: an
   * async iterable.
   */
  watch(product, options) {
    const [id, doc] = productArgument(product)
    const { o, signal } = requestOptions(options, ['until', ...WAIT_OPTIONS])
    const wait = waitOptions(o, true)
    const handle = callNative(() => this[nativeClient].watch(id, doc, wait))
    return new Watch(handle, signal, productStatusOf)
  }

  /**
   * Releases a VM image version (the core's workflow): add it to the plan's technical
   * configuration, configure and wait, publish to preview and wait for certification,
   * with `goLive` go live and wait. Resumable. Resolves with `{ outcome, status, diff,
   * job }`.
   */
  release(request, options) {
    return release(this[nativeClient], request, options)
  }
}

module.exports = { IngestionClient, ingestionClientOf, nativeIngestionArguments }
