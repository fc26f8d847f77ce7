'use strict'
// Offer: an offer document, kept losslessly by the core (every field, in order), with
// `definition` as a plain object to edit. What putOffer sends, and what toJson() gives,
// is the offer as it is now, edits included: the package hands the definition to the
// core as JSON first (sync), and the core keeps the document's own spelling of what
// JavaScript left as it was (numbers a double cannot hold, key order). The image helpers
// run in the core on that document and their result is written back into the same
// object (and the objects inside it that are still there).

const { inspect } = require('node:util')
const addon = require('./addon')
const args = require('./arguments')
const { callNative } = require('./errors')

const IMAGE_FIELDS = ['version', 'osVhdUrl', 'label', 'mediaName', 'description', 'publishedDate', 'showInGui', 'dataDisks']

/** Text with the value of every `sig=` replaced by REDACTED (the core's rule). */
function redact(text) {
  return addon.redactSas(text)
}

/** A copy of a JSON-like value with every SAS signature in its strings redacted. */
function redacted(value) {
  const json = JSON.stringify(value)
  return json === undefined ? value : JSON.parse(redact(json))
}

/** Makes util.inspect show `value` (a plain object, left plain) with signatures redacted. */
function inspectRedacted(value) {
  if (value === null || typeof value !== 'object' || !Object.isExtensible(value)) return value
  if (Object.prototype.hasOwnProperty.call(value, inspect.custom)) return value
  Object.defineProperty(value, inspect.custom, {
    value: function (depth, options, show) {
      return show(redacted(this), options)
    },
    configurable: true,
    writable: true,
    enumerable: false,
  })
  return value
}

function isPlainObject(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** Stores `value` at `target[key]` as an own data property (also for `__proto__`). */
function put(target, key, value) {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true })
  } else {
    target[key] = value
  }
}

/**
 * Makes `target` hold what `source` (fresh from JSON.parse) holds, keeping `target`'s
 * objects and arrays where `source` has one of the same kind at the same place; returns
 * what to store in `target`'s place.
 */
function patch(target, source) {
  if (Array.isArray(target) && Array.isArray(source)) {
    for (let i = 0; i < source.length; i++) target[i] = patch(target[i], source[i])
    target.length = source.length
    return target
  }
  if (isPlainObject(target) && isPlainObject(source)) {
    for (const key of Object.keys(target)) {
      if (!Object.prototype.hasOwnProperty.call(source, key)) delete target[key]
    }
    for (const key of Object.keys(source)) put(target, key, patch(target[key], source[key]))
    return target
  }
  return source
}

/** An image version the addon gave, as the plain object users see. */
function imageOf(native) {
  const image = {
    version: native.version,
    osVhdUrl: native.osVhdUrl,
    label: native.label,
    mediaName: native.mediaName,
    description: native.description,
    publishedDate: native.publishedDate,
    showInGui: native.showInGui,
    dataDisks: native.dataDisks.map((d) => ({ lun: d.lun, vhdUrl: d.vhdUrl })),
  }
  return inspectRedacted(image)
}

/** An image version given by a user (types checked here, values by the core). */
function nativeImage(image) {
  if (image == null) throw args.typeError('image', 'an object', image)
  const o = args.options('image', image, IMAGE_FIELDS)
  const disks = o.dataDisks == null ? undefined : o.dataDisks
  if (disks !== undefined && !Array.isArray(disks)) throw args.typeError('image.dataDisks', 'an array', disks)
  return {
    version: args.string('image.version', o.version),
    osVhdUrl: args.string('image.osVhdUrl', o.osVhdUrl),
    label: args.optionalString('image.label', o.label),
    mediaName: args.optionalString('image.mediaName', o.mediaName),
    description: args.optionalString('image.description', o.description),
    publishedDate: args.optionalString('image.publishedDate', o.publishedDate),
    showInGui: args.optionalBoolean('image.showInGui', o.showInGui),
    dataDisks: disks?.map((disk, i) => {
      if (disk == null) throw args.typeError(`image.dataDisks[${i}]`, 'an object', disk)
      const d = args.options(`image.dataDisks[${i}]`, disk, ['lun', 'vhdUrl'])
      if (typeof d.lun !== 'number') throw args.typeError(`image.dataDisks[${i}].lun`, 'a number', d.lun)
      return { lun: d.lun, vhdUrl: args.string(`image.dataDisks[${i}].vhdUrl`, d.vhdUrl) }
    }),
  }
}

/** The definition as JSON, or a TypeError naming what JSON cannot hold. */
function definitionJson(definition) {
  let json
  try {
    json = JSON.stringify(definition)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw Object.assign(new TypeError(`offer.definition cannot be written as JSON: ${reason}`, { cause: error }), {
      code: 'ERR_INVALID_ARG_VALUE',
    })
  }
  if (json === undefined) throw args.typeError('offer.definition', 'a JSON value', definition)
  return json
}

let nativeOf

class Offer {
  #native
  #definition
  /** The document has no definition and `#definition` is the `{}` shown in its place. */
  #placeholder

  /** Internal: made by the package around a NativeOffer (parseOffer, client.offer()). */
  constructor(native) {
    if (!(native instanceof addon.NativeOffer)) {
      throw new TypeError('Offer cannot be constructed directly: use parseOffer() or client.offer()')
    }
    this.#native = native
    const json = native.definition()
    this.#placeholder = json === null
    this.#definition = inspectRedacted(json === null ? {} : JSON.parse(json))
  }

  static {
    nativeOf = (offer) => {
      offer.#sync()
      return offer.#native
    }
  }

  /** The offer's id (`id`). */
  get id() {
    return this.#native.id
  }

  /** The publisher's id (`publisherId`). */
  get publisherId() {
    return this.#native.publisherId
  }

  /** The offer type (`offerTypeId`). */
  get offerTypeId() {
    return this.#native.offerTypeId
  }

  /** The offer's status as sent (`neverPublished`, `published`, ...). */
  get status() {
    return this.#native.status
  }

  /** The offer's version (`version`), 0 when absent. */
  get version() {
    return this.#native.version
  }

  /** When the offer last changed (`changedTime`); null when absent or unreadable. */
  get changedTime() {
    const ms = this.#native.changedTime
    return ms == null ? null : new Date(ms)
  }

  /** The ETag the offer was read with; null when the service sent none. */
  get etag() {
    return this.#native.etag ?? null
  }

  /** The display name (`definition.displayText`, as it is now); '' when it is not a string. */
  get displayText() {
    const d = this.#definition
    return d !== null && typeof d === 'object' && typeof d.displayText === 'string' ? d.displayText : ''
  }

  /** The definition: a plain object to edit in place; what putOffer() sends. */
  get definition() {
    return this.#definition
  }

  set definition(value) {
    if (value === null || typeof value !== 'object') throw args.typeError('offer.definition', 'an object', value)
    this.#definition = inspectRedacted(value)
    this.#placeholder = false
  }

  /** The plans and disk generations, in document order. */
  get planIds() {
    this.#sync()
    return this.#native.planIds()
  }

  /** The image versions of a plan or disk generation, sorted by version. */
  vmImageVersions(planId) {
    args.string('planId', planId)
    this.#sync()
    return callNative(() => this.#native.vmImageVersions(planId)).map(imageOf)
  }

  /** Adds an image version to a plan, or replaces the one with the same version. */
  setVmImageVersion(planId, image) {
    args.string('planId', planId)
    const native = nativeImage(image)
    this.#sync()
    this.#adopt(callNative(() => this.#native.setVmImageVersion(planId, native)))
  }

  /** Removes an image version and returns it; the plan's last one only with `force`. */
  removeVmImageVersion(planId, version, removeOptions) {
    args.string('planId', planId)
    args.string('version', version)
    const force = args.optionalBoolean('options.force', args.options('options', removeOptions, ['force']).force)
    this.#sync()
    const removed = callNative(() => this.#native.removeVmImageVersion(planId, version, force))
    this.#adopt(removed.definition)
    return imageOf(removed.image)
  }

  /** Deprecates an image version: `showInGui: false`. */
  deprecateVmImageVersion(planId, version) {
    args.string('planId', planId)
    args.string('version', version)
    this.#sync()
    this.#adopt(callNative(() => this.#native.deprecateVmImageVersion(planId, version)))
  }

  /** The document as compact JSON, losslessly, edits included: what a write sends. */
  toJson() {
    this.#sync()
    return this.#native.toJson()
  }

  /** What JSON.stringify writes: the document (as JavaScript values). */
  toJSON() {
    return JSON.parse(this.toJson())
  }

  [inspect.custom](depth, options, show) {
    if (depth < 0) return options.stylize('[Offer]', 'special')
    const shown = {
      id: redact(this.id),
      publisherId: redact(this.publisherId),
      offerTypeId: redact(this.offerTypeId),
      status: redact(this.status),
      version: this.version,
      changedTime: this.changedTime,
      etag: this.etag === null ? null : redact(this.etag),
      displayText: redact(this.displayText),
      definition: redacted(this.#definition),
    }
    return `Offer ${show(shown, { ...options, depth })}`
  }

  /** Hands the definition as it is now to the core (the `{}` shown for a document
   * without one, while it stays empty, leaves the document without one). */
  #sync() {
    const d = this.#definition
    const json = this.#placeholder && isPlainObject(d) && Object.keys(d).length === 0 ? null : definitionJson(d)
    callNative(() => this.#native.setDefinition(json))
  }

  /** Writes the core's definition (JSON) back into the definition object. */
  #adopt(json) {
    this.#definition = inspectRedacted(patch(this.#definition, JSON.parse(json)))
  }
}

/** The Offer of a NativeOffer. */
function offerOf(native) {
  return new Offer(native)
}

/** The input of a parser as the addon takes it: a string or a Buffer. */
function parserInput(input) {
  if (input instanceof Uint8Array && !Buffer.isBuffer(input)) {
    return Buffer.from(input.buffer, input.byteOffset, input.byteLength)
  }
  if (typeof input !== 'string' && !Buffer.isBuffer(input)) {
    throw args.typeError('input', 'a string, a Buffer or a Uint8Array', input)
  }
  return input
}

/** Parses an offer document (a string or bytes), losslessly. */
function parseOffer(input) {
  const text = parserInput(input)
  return offerOf(callNative(() => addon.parseOffer(text)))
}

/** Parses a list of offers (`GET /api/publishers/{p}/offers`). */
function parseOffers(input) {
  const text = parserInput(input)
  return callNative(() => addon.parseOffers(text)).map(offerOf)
}

module.exports = {
  Offer,
  definitionJson,
  inspectRedacted,
  isPlainObject,
  nativeOf: (offer) => nativeOf(offer),
  offerOf,
  parseOffer,
  parseOffers,
  parserInput,
  patch,
  redact,
  redacted,
}
