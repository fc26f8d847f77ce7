'use strict'
// client.release(): the core's release workflow (cloudpartner::release) run by the
// addon. Its progress events come through a NativeReleaseEvents that this drains
// (`next()` until null) while the release runs, handing each to `onProgress`; the
// addon closes it when the release ends, so every event reaches `onProgress`, in
// order, before the promise settles. An AbortSignal drops the release where it is
// (what was sent goes on at the service) and rejects at once with a CloudPartnerError
// of kind 'canceled' named 'AbortError'; an `onProgress` that throws stops the release
// the same way and the promise rejects with what it threw.

const addon = require('./addon')
const args = require('./arguments')
const { abortError, awaitNative } = require('./errors')
const { OfferStatus } = require('./offer-status')

const REQUEST_FIELDS = [
  'publisherId',
  'offerId',
  'plan',
  'version',
  'osVhdUrl',
  'dataDisks',
  'label',
  'mediaName',
  'description',
  'goLive',
  'dryRun',
  'notificationEmails',
]
const OPTIONS = ['onProgress', 'signal', 'minIntervalMs', 'maxIntervalMs', 'timeoutMs']

/** `notificationEmails`: a string (comma- or semicolon-separated) or an array of strings. */
function emails(value) {
  if (value == null) return undefined
  if (typeof value === 'string') return [value]
  return args.stringArray('request.notificationEmails', value)
}

/** The data disks of the request, types checked ({ lun, vhdUrl }). */
function dataDisks(value) {
  if (value == null) return undefined
  if (!Array.isArray(value)) throw args.typeError('request.dataDisks', 'an array', value)
  return value.map((disk, i) => {
    const name = `request.dataDisks[${i}]`
    if (disk == null) throw args.typeError(name, 'an object', disk)
    const d = args.options(name, disk, ['lun', 'vhdUrl'])
    if (typeof d.lun !== 'number') throw args.typeError(`${name}.lun`, 'a number', d.lun)
    return { lun: d.lun, vhdUrl: args.string(`${name}.vhdUrl`, d.vhdUrl) }
  })
}

/** The addon's request: types checked here, values by the core. */
function nativeRequest(request, o) {
  if (request == null) throw args.typeError('request', 'an object', request)
  const r = args.options('request', request, REQUEST_FIELDS)
  return {
    publisherId: args.string('request.publisherId', r.publisherId),
    offerId: args.string('request.offerId', r.offerId),
    plan: args.string('request.plan', r.plan),
    image: {
      version: args.string('request.version', r.version),
      osVhdUrl: args.string('request.osVhdUrl', r.osVhdUrl),
      label: args.optionalString('request.label', r.label),
      mediaName: args.optionalString('request.mediaName', r.mediaName),
      description: args.optionalString('request.description', r.description),
      dataDisks: dataDisks(r.dataDisks),
    },
    goLive: args.optionalBoolean('request.goLive', r.goLive),
    dryRun: args.optionalBoolean('request.dryRun', r.dryRun),
    notificationEmails: emails(r.notificationEmails),
    minIntervalMs: args.optionalNumber('options.minIntervalMs', o.minIntervalMs),
    maxIntervalMs: args.optionalNumber('options.maxIntervalMs', o.maxIntervalMs),
    timeoutMs: args.optionalNumber('options.timeoutMs', o.timeoutMs),
  }
}

/** A progress event as JavaScript sees it: `{ kind, phase, summary?, fields?, status? }`. */
function eventOf(native) {
  const event = { kind: native.kind, phase: native.phase }
  if (native.summary != null) event.summary = native.summary
  if (native.fields != null) event.fields = JSON.parse(native.fields)
  if (native.status != null) event.status = new OfferStatus(native.status)
  return event
}

/** The result: `{ outcome, status, diff }`, plus `phase` and `operation` when the
 * service failed or canceled the release. */
function resultOf(native) {
  const result = {
    outcome: native.outcome,
    status: native.status == null ? null : new OfferStatus(native.status),
    diff: native.diff ?? null,
  }
  if (native.phase != null) result.phase = native.phase
  if (native.operation != null) result.operation = { url: native.operation.url, id: native.operation.id }
  return result
}

/** Runs a release on the NativeClient `client`. */
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
    events: new addon.NativeReleaseEvents(),
    start: (events, cancel) => client.release(native, events, cancel),
    eventOf,
    resultOf,
    signal,
    onProgress,
  })
}

/**
 * Runs a release the addon started with `start(events, cancel)`, handing each event of
 * `events` (converted by `eventOf`) to `onProgress`; resolves with `resultOf(outcome)`.
 * Shared by the CPP and the Product Ingestion releases.
 */
function drive({ events, start, eventOf, resultOf, signal, onProgress }) {
  const cancel = new addon.NativeCancel()
  return new Promise((resolve, reject) => {
    let thrown = null
    const onAbort = () => {
      cancel.cancel()
      reject(abortError(signal, 'the release'))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    // The release takes the events' sender; if the call fails before it does, close()
    // lets the drain below end.
    const outcome = awaitNative(() => start(events, cancel)).finally(() => events.close())
    const drained = (async () => {
      for (let event = await events.next(); event != null; event = await events.next()) {
        if (onProgress == null || thrown != null) continue
        try {
          onProgress(eventOf(event))
        } catch (error) {
          thrown = { error }
          cancel.cancel()
        }
      }
    })()
    Promise.allSettled([outcome, drained])
      .then(([ended, drain]) => {
        if (thrown != null) reject(thrown.error)
        else if (signal?.aborted) reject(abortError(signal, 'the release'))
        else if (drain.status === 'rejected') reject(drain.reason)
        else if (ended.status === 'rejected') reject(ended.reason)
        else resolve(resultOf(ended.value))
      })
      .finally(() => signal?.removeEventListener('abort', onAbort))
  })
}

module.exports = { drive, release }
