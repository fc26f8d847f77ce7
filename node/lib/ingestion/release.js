'use strict'
// ingestionClient.release(): the core's Product Ingestion release, its progress events
// drained from a NativeIngestionReleaseEvents (see ../release.js, which this shares).

const addon = require('../addon')
const args = require('../arguments')
const { abortError } = require('../errors')
const { drive } = require('../release')
const { jobOf, productStatusOf } = require('./values')

const REQUEST_FIELDS = ['offerId', 'plan', 'version', 'osDiskUri', 'gen2OsDiskUri', 'dataDisks', 'goLive', 'dryRun']
const OPTIONS = ['onProgress', 'signal', 'minIntervalMs', 'maxIntervalMs', 'timeoutMs']

function nativeRequest(request, o) {
  if (request == null) throw args.typeError('request', 'an object', request)
  const r = args.options('request', request, REQUEST_FIELDS)
  let disks
  if (r.dataDisks != null) {
    if (!Array.isArray(r.dataDisks)) throw args.typeError('request.dataDisks', 'an array', r.dataDisks)
    disks = r.dataDisks.map((disk, i) => {
      const name = `request.dataDisks[${i}]`
      if (disk == null) throw args.typeError(name, 'an object', disk)
      const d = args.options(name, disk, ['lun', 'uri'])
      if (typeof d.lun !== 'number') throw args.typeError(`${name}.lun`, 'a number', d.lun)
      return { lun: d.lun, uri: args.string(`${name}.uri`, d.uri) }
    })
  }
  return {
    offerId: args.string('request.offerId', r.offerId),
    plan: args.string('request.plan', r.plan),
    version: args.string('request.version', r.version),
    osDiskUri: args.string('request.osDiskUri', r.osDiskUri),
    gen2OsDiskUri: args.optionalString('request.gen2OsDiskUri', r.gen2OsDiskUri),
    dataDisks: disks,
    goLive: args.optionalBoolean('request.goLive', r.goLive),
    dryRun: args.optionalBoolean('request.dryRun', r.dryRun),
    minIntervalMs: args.optionalNumber('options.minIntervalMs', o.minIntervalMs),
    maxIntervalMs: args.optionalNumber('options.maxIntervalMs', o.maxIntervalMs),
    timeoutMs: args.optionalNumber('options.timeoutMs', o.timeoutMs),
  }
}

function eventOf(native) {
  const event = { kind: native.kind, phase: native.phase }
  if (native.summary != null) event.summary = native.summary
  if (native.fields != null) event.fields = JSON.parse(native.fields)
  if (native.status != null) event.status = productStatusOf(native.status)
  return event
}

function resultOf(native) {
  const result = {
    outcome: native.outcome,
    status: native.status == null ? null : productStatusOf(native.status),
    diff: native.diff ?? null,
    job: native.job == null ? null : jobOf(native.job),
  }
  if (native.phase != null) result.phase = native.phase
  return result
}

/** Runs a release on the NativeIngestionClient `client`. */
function release(client, request, options) {
  const o = args.options('options', options, OPTIONS)
  const signal = args.optionalSignal('options.signal', o.signal)
  const onProgress = o.onProgress
  if (onProgress != null && typeof onProgress !== 'function') {
    throw args.typeError('options.onProgress', 'a function', onProgress)
  }
  const native = nativeRequest(request, o)
  if (signal?.aborted) return Promise.reject(abortError(signal, 'the release'))
  return drive({
    events: new addon.NativeIngestionReleaseEvents(),
    start: (events, cancel) => client.release(native, events, cancel),
    eventOf,
    resultOf,
    signal,
    onProgress,
  })
}

module.exports = { release }
