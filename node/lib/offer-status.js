'use strict'
// OfferStatus: the addon hands over a status as one JSON view (camelCase fields, the
// derived values computed by the core, timestamps in epoch milliseconds) and its
// canonical JSON; one JSON.parse builds the objects, then timestamps become Dates.

const canonicalJson = Symbol('canonicalJson')

function withDates(messages) {
  for (const message of messages) {
    message.timestamp = message.timestamp === null ? null : new Date(message.timestamp)
  }
  return messages
}

class OfferStatus {
  /** Internal: built by the package from what the addon returns. */
  constructor(native) {
    const view = JSON.parse(native.view)
    this.status = view.status
    this.rawStatus = view.rawStatus
    this.messages = withDates(view.messages)
    this.steps = view.steps
    for (const step of this.steps) withDates(step.messages)
    this.previewLinks = view.previewLinks
    this.liveLinks = view.liveLinks
    this.notificationEmails = view.notificationEmails
    this.isTerminal = view.isTerminal
    this.needsPublisherAction = view.needsPublisherAction
    this.currentStep = view.currentStepIndex === null ? null : this.steps[view.currentStepIndex]
    this.progress = view.progress
    this.estimatedRemaining = view.estimatedRemaining
    Object.defineProperty(this, canonicalJson, { value: native.canonical })
  }

  /** The canonical wire JSON: camelCase keys, canonical spellings; parse(toJson(x)) equals x. */
  toJson() {
    return this[canonicalJson]
  }
}

module.exports = { OfferStatus }
