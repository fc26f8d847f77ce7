// The same package through require(), typed: the CommonJS declarations.
import cloudpartner = require('cloudpartner')

const status: cloudpartner.OfferStatus = cloudpartner.parseOfferStatus('{"status": "succeeded"}')
const done: boolean = status.isTerminal
const kinds: readonly cloudpartner.ErrorKind[] = cloudpartner.ERROR_KINDS
export const summary = `${status.status} ${done} ${kinds.join(',')}`
const offer: cloudpartner.Offer = cloudpartner.parseOffer('{"id": "x"}')
const operation: cloudpartner.Operation = cloudpartner.parseOperation('{"id": "y", "status": "running"}')
const state: cloudpartner.OperationState = operation.state
export const more = `${offer.id} ${state} ${offer.definition.displayText ?? ''}`
