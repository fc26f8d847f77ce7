'use strict'
// Argument type checks: a wrong type throws a TypeError (code ERR_INVALID_ARG_TYPE)
// naming the argument. Values themselves (an empty id, a bad URL, a timeout of 0, a
// fractional retry count) are the core's to judge: a CloudPartnerError of kind
// 'invalid_argument'. Strings shown in messages have their SAS signatures redacted.

const addon = require('./addon')

function describe(value) {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `a string (${JSON.stringify(addon.redactSas(value).slice(0, 40))})`
  if (typeof value === 'number') return `a number (${value})`
  if (typeof value === 'object') return `an object (${value.constructor ? value.constructor.name : 'Object'})`
  return `${typeof value === 'undefined' ? '' : 'a '}${typeof value}`
}

function typeError(name, expected, value) {
  const message = `The "${name}" argument must be ${expected}, got ${describe(value)}`
  return Object.assign(new TypeError(message), { code: 'ERR_INVALID_ARG_TYPE' })
}

function string(name, value) {
  if (typeof value !== 'string') throw typeError(name, 'a string', value)
  return value
}

function optionalString(name, value) {
  return value == null ? undefined : string(name, value)
}

function optionalBoolean(name, value) {
  if (value == null) return undefined
  if (typeof value !== 'boolean') throw typeError(name, 'a boolean', value)
  return value
}

/** A number (its range is the core's to check); undefined when absent. */
function optionalNumber(name, value) {
  if (value == null) return undefined
  if (typeof value !== 'number') throw typeError(name, 'a number', value)
  return value
}

function stringArray(name, value) {
  if (!Array.isArray(value)) throw typeError(name, 'an array of strings', value)
  value.forEach((item, i) => string(`${name}[${i}]`, item))
  return value
}

/** An options object (or undefined); unknown option names are refused, since a
 * misspelt option ("timeout" for "timeoutMs") would otherwise be silently ignored. */
function options(name, value, known) {
  if (value == null) return {}
  if (typeof value !== 'object' || Array.isArray(value)) throw typeError(name, 'an object', value)
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      const message = `Unknown option "${key}" in "${name}"; the options are: ${known.join(', ')}`
      throw Object.assign(new TypeError(message), { code: 'ERR_INVALID_ARG_VALUE' })
    }
  }
  return value
}

function optionalSignal(name, value) {
  if (value == null) return undefined
  if (typeof value !== 'object' || typeof value.aborted !== 'boolean' || typeof value.addEventListener !== 'function') {
    throw typeError(name, 'an AbortSignal', value)
  }
  return value
}

module.exports = {
  optionalBoolean,
  optionalNumber,
  optionalSignal,
  optionalString,
  options,
  string,
  stringArray,
  typeError,
}
