'use strict'
// OfferStatus: a handle on the core's status, read lazily. parseOfferStatus checks the
// document and no more; the first field read has the core read it and hand over every
// field (the derived values computed by the core, timestamps in epoch milliseconds) as
// one flat JSON array, walked once into the objects below. The fields are getters, as
// URL's are: util.inspect shows them, and JSON.stringify gives the canonical wire JSON
// (toJSON).

const { inspect } = require('node:util')
const addon = require('./addon')
const { callNative } = require('./errors')

/**
 * The fields of a status from the addon's flat array (its order is written down by
 * `fields` in bindings/node/src/status.rs): walked once, into the objects of the API.
 */
function fieldsOf(handle) {
  const a = JSON.parse(callNative(() => addon.statusFields(handle)))
  let i = 0
  const messages = () => {
    const list = new Array(a[i++])
    for (let k = 0; k < list.length; k++) {
      const html = a[i++]
      const text = a[i++]
      const level = a[i++]
      const rawLevel = a[i++]
      const ms = a[i++]
      list[k] = { html, text, level, rawLevel, timestamp: ms === null ? null : new Date(ms) }
    }
    return list
  }
  const links = () => {
    const list = new Array(a[i++])
    for (let k = 0; k < list.length; k++) {
      const displayText = a[i++]
      list[k] = { displayText, uri: a[i++] }
    }
    return list
  }
  const status = a[i++]
  const rawStatus = a[i++]
  const topMessages = messages()
  const steps = new Array(a[i++])
  for (let k = 0; k < steps.length; k++) {
    const id = a[i++]
    const name = a[i++]
    const description = a[i++]
    const stepStatus = a[i++]
    const stepRawStatus = a[i++]
    const progressPercentage = a[i++]
    const raw = a[i++]
    const minSeconds = a[i++]
    const maxSeconds = a[i++]
    steps[k] = {
      id,
      name,
      description,
      status: stepStatus,
      rawStatus: stepRawStatus,
      progressPercentage,
      estimatedTimeFrame: raw === null ? null : { raw, minSeconds, maxSeconds },
      messages: messages(),
    }
  }
  const previewLinks = links()
  const liveLinks = links()
  const emailCount = a[i++]
  const notificationEmails = a.slice(i, i + emailCount)
  i += emailCount
  const isTerminal = a[i++]
  const needsPublisherAction = a[i++]
  const currentStepIndex = a[i++]
  const progress = a[i++]
  const minSeconds = a[i++]
  const maxSeconds = a[i++]
  return {
    status,
    rawStatus,
    messages: topMessages,
    steps,
    previewLinks,
    liveLinks,
    notificationEmails,
    isTerminal,
    needsPublisherAction,
    currentStep: currentStepIndex === null ? null : steps[currentStepIndex],
    progress,
    estimatedRemaining: minSeconds === null ? null : { minSeconds, maxSeconds },
  }
}

/** The fields of an OfferStatus, in the order util.inspect shows them. */
const FIELDS = [
  'status',
  'rawStatus',
  'messages',
  'steps',
  'previewLinks',
  'liveLinks',
  'notificationEmails',
  'isTerminal',
  'needsPublisherAction',
  'currentStep',
  'progress',
  'estimatedRemaining',
]

class OfferStatus {
  #handle
  #view
  #json

  /** Internal: built by the package around a status handle of the addon. */
  constructor(handle) {
    this.#handle = handle
  }

  #fields() {
    return this.#view ?? (this.#view = fieldsOf(this.#handle))
  }

  get status() {
    return this.#fields().status
  }

  get rawStatus() {
    return this.#fields().rawStatus
  }

  get messages() {
    return this.#fields().messages
  }

  get steps() {
    return this.#fields().steps
  }

  get previewLinks() {
    return this.#fields().previewLinks
  }

  get liveLinks() {
    return this.#fields().liveLinks
  }

  get notificationEmails() {
    return this.#fields().notificationEmails
  }

  get isTerminal() {
    return this.#fields().isTerminal
  }

  get needsPublisherAction() {
    return this.#fields().needsPublisherAction
  }

  get currentStep() {
    return this.#fields().currentStep
  }

  get progress() {
    return this.#fields().progress
  }

  get estimatedRemaining() {
    return this.#fields().estimatedRemaining
  }

  /** The canonical wire JSON: camelCase keys, canonical spellings; parse(toJson(x)) equals x. */
  toJson() {
    return this.#json ?? (this.#json = callNative(() => addon.statusCanonical(this.#handle)))
  }

  /** What JSON.stringify writes: the canonical wire document. */
  toJSON() {
    return JSON.parse(this.toJson())
  }

  [inspect.custom](depth, options, show) {
    if (depth < 0) return options.stylize('[OfferStatus]', 'special')
    const fields = this.#fields()
    const shown = Object.fromEntries(FIELDS.map((name) => [name, fields[name]]))
    return `OfferStatus ${show(shown, { ...options, depth })}`
  }
}

/** The OfferStatus of a status handle (null stays null). */
function statusOf(handle) {
  return handle == null ? null : new OfferStatus(handle)
}

module.exports = { FIELDS, OfferStatus, statusOf }
