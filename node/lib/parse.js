'use strict'
// parseOfferStatus(text | Buffer | Uint8Array, { strict }).

const addon = require('./addon')
const { callNative } = require('./errors')
const { optionalBoolean, options, typeError } = require('./arguments')
const { OfferStatus } = require('./offer-status')

function parseOfferStatus(input, parseOptions) {
  let text = input
  if (input instanceof Uint8Array && !Buffer.isBuffer(input)) {
    text = Buffer.from(input.buffer, input.byteOffset, input.byteLength)
  } else if (typeof input !== 'string' && !Buffer.isBuffer(input)) {
    throw typeError('input', 'a string, a Buffer or a Uint8Array', input)
  }
  const strict = optionalBoolean('options.strict', options('options', parseOptions, ['strict']).strict)
  const parsed = callNative(() => addon.parseOfferStatus(text, strict))
  return new OfferStatus(parsed)
}

module.exports = { parseOfferStatus }
