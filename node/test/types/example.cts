// The same package through require(), typed: the CommonJS declarations.
import cloudpartner = require('cloudpartner')

const status: cloudpartner.OfferStatus = cloudpartner.parseOfferStatus('{"status": "succeeded"}')
const done: boolean = status.isTerminal
const kinds: readonly cloudpartner.ErrorKind[] = cloudpartner.ERROR_KINDS
export const summary = `${status.status} ${done} ${kinds.join(',')}`
