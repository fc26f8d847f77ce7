'use strict'
// Operation: a publish, go-live or cancel as the core read it (the addon hands over
// its fields, the detail as a status handle, and the canonical JSON); parseOperation(s).

const { inspect } = require('node:util')
const addon = require('./addon')
const { callNative } = require('./errors')
const { statusOf } = require('./offer-status')
const { parserInput } = require('./offer')

const date = (ms) => (ms === null || ms === undefined ? null : new Date(ms))

class Operation {
  #json

  /** Internal: made by the package from what the addon returns. */
  constructor(native) {
    this.id = native.id
    this.submissionType = native.submissionType
    this.state = native.state
    this.rawState = native.rawState
    this.isTerminal = native.isTerminal
    this.created = date(native.created)
    this.lastAction = date(native.lastAction)
    this.publishingVersion = native.publishingVersion ?? null
    this.offerVersion = native.offerVersion ?? null
    this.slot = native.slot ?? null
    this.cancellationRequestState = native.cancellationRequestState ?? null
    this.error = native.error ?? null
    this.detail = statusOf(native.detail)
    this.#json = native.json
  }

  /** The canonical JSON of the operation (one line); parsing it gives an equal operation. */
  toJson() {
    return this.#json
  }

  /** What JSON.stringify writes: the canonical document. */
  toJSON() {
    return JSON.parse(this.#json)
  }

  [inspect.custom](depth, options, show) {
    if (depth < 0) return options.stylize('[Operation]', 'special')
    const shown = { ...this }
    if (typeof shown.error === 'string') shown.error = addon.redactSas(shown.error)
    return `Operation ${show(shown, { ...options, depth })}`
  }
}

/** The Operation of what the addon returned. */
function operationOf(native) {
  return new Operation(native)
}

/** Parses one operation (`GET .../operations/{id}`): an object, or an array of exactly one. */
function parseOperation(input) {
  const text = parserInput(input)
  return operationOf(callNative(() => addon.parseOperation(text)))
}

/** Parses a list of operations (`GET .../submissions`). */
function parseOperations(input) {
  const text = parserInput(input)
  return callNative(() => addon.parseOperations(text)).map(operationOf)
}

module.exports = { Operation, operationOf, parseOperation, parseOperations }
