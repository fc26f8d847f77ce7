'use strict'
// OfferStatus: the addon converts a status once, whole, into plain objects (steps,
// messages, links with camelCase fields, Date timestamps) and computes the derived
// values in the core; this class only gives them a home and a toJson().

const canonicalJson = Symbol('canonicalJson')

class OfferStatus {
  /** Internal: built by the package from what the addon returns. */
  constructor(native) {
    this.status = native.status
    this.rawStatus = native.rawStatus
    this.messages = native.messages
    this.steps = native.steps
    this.previewLinks = native.previewLinks
    this.liveLinks = native.liveLinks
    this.notificationEmails = native.notificationEmails
    this.isTerminal = native.isTerminal
    this.needsPublisherAction = native.needsPublisherAction
    this.currentStep = native.currentStepIndex == null ? null : native.steps[native.currentStepIndex]
    this.progress = native.progress
    this.estimatedRemaining = native.estimatedRemaining
    Object.defineProperty(this, canonicalJson, { value: native.canonicalJson })
  }

  /** The canonical wire JSON: camelCase keys, canonical spellings; parse(toJson(x)) equals x. */
  toJson() {
    return this[canonicalJson]
  }
}

module.exports = { OfferStatus }
