'use strict'
// OfferStatus: a handle on the core's parsed status, read lazily. Parsing or fetching a
// status costs the core's parse and no more; the first field read asks the addon for
// one JSON view of every field (camelCase, the derived values computed by the core,
// timestamps in epoch milliseconds), one JSON.parse builds the objects, and timestamps
// become Dates. The fields are getters, as URL's are: util.inspect shows them, and
// JSON.stringify gives the canonical wire JSON (toJSON).

const { inspect } = require('node:util')
const addon = require('./addon')

function withDates(messages) {
  for (const message of messages) {
    message.timestamp = message.timestamp === null ? null : new Date(message.timestamp)
  }
  return messages
}

function viewOf(handle) {
  const view = JSON.parse(addon.statusView(handle))
  withDates(view.messages)
  for (const step of view.steps) withDates(step.messages)
  view.currentStep = view.currentStepIndex === null ? null : view.steps[view.currentStepIndex]
  return view
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
    return this.#view ?? (this.#view = viewOf(this.#handle))
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
    return this.#json ?? (this.#json = addon.statusCanonical(this.#handle))
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
