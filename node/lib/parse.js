'use strict'
// parseOfferStatus(text | Buffer | Uint8Array, { strict }).

const addon = require('./addon')
const { callNative } = require('./errors')
const { optionalBoolean, options } = require('./arguments')
const { OfferStatus } = require('./offer-status')
const { parserInput } = require('./offer')

function parseOfferStatus(input, parseOptions) {
  const text = parserInput(input)
  const strict = parseOptions === undefined ? undefined : optionalBoolean('options.strict', options('options', parseOptions, ['strict']).strict)
  const handle =
    typeof text === 'string'
      ? callNative(() => addon.parseOfferStatus(text, strict))
      : callNative(() => addon.parseOfferStatusBytes(text, strict))
  return new OfferStatus(handle)
}

module.exports = { parseOfferStatus }
