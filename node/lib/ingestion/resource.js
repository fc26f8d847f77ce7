'use strict'
// Resource, Product, TechnicalConfiguration: a Product Ingestion resource kept
// losslessly by the core, with `definition` — the whole document — as a plain object
// edited in place. What configure() sends, and toJson() gives, is the resource as it
// is now: the package hands the object to the core as JSON first, and the core keeps
// the document's spelling of what JavaScript left as it was (numbers a double cannot
// hold, key order), as for Offer.definition. The image helpers of a technical
// configuration run in the core and their result is written back into the same object.

const { inspect } = require('node:util')
const addon = require('../addon')
const args = require('../arguments')
const { callNative } = require('../errors')
const { inspectRedacted, isPlainObject, patch, redact, redacted } = require('../offer')

const IMAGE_VERSION_FIELDS = ['versionNumber', 'images', 'lifecycleState', 'deprecationSchedule']
const IMAGE_FIELDS = ['imageType', 'sourceType', 'osDiskUri', 'dataDisks', 'sharedImageTenantId', 'sharedImageResourceId']

/** The document as JSON, or a TypeError naming what JSON cannot hold. */
function documentJson(document) {
  if (!isPlainObject(document)) throw args.typeError('resource.definition', 'a plain object', document)
  try {
    return JSON.stringify(document)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw Object.assign(new TypeError(`resource.definition cannot be written as JSON: ${reason}`, { cause: error }), {
      code: 'ERR_INVALID_ARG_VALUE',
    })
  }
}

let nativeOfResource
let adoptDocument

class Resource {
  #native
  #definition

  /** Internal: made by the package (client calls, parsers, trees). */
  constructor(native) {
    if (!(native instanceof addon.NativeResource) && !(native instanceof addon.NativeTechnicalConfiguration)) {
      throw new TypeError('Resource cannot be constructed directly: use an IngestionClient or ingestion.parseResource()')
    }
    this.#native = native
    this.#definition = inspectRedacted(JSON.parse(native.document()))
  }

  static {
    nativeOfResource = (resource) => {
      resource.#sync()
      return resource.#native
    }
    adoptDocument = (resource, json) => {
      resource.#definition = inspectRedacted(patch(resource.#definition, JSON.parse(json)))
    }
  }

  /** Its durable id (`plan/<guid>/<guid>`); '' when it has none yet. */
  get id() {
    return nativeOfResource(this).id
  }

  /** Its `$schema`. */
  get schema() {
    return nativeOfResource(this).schema
  }

  /** The resource type its `$schema` names (`product`, `plan`, ...). */
  get type() {
    return nativeOfResource(this).resourceType
  }

  /** The whole document: a plain object to edit in place; what configure() sends. */
  get definition() {
    return this.#definition
  }

  set definition(value) {
    documentJson(value)
    this.#definition = inspectRedacted(value)
  }

  /** The document as compact JSON, losslessly, edits included. */
  toJson() {
    return nativeOfResource(this).toJson()
  }

  /** What JSON.stringify writes: the document. */
  toJSON() {
    return JSON.parse(this.toJson())
  }

  [inspect.custom](depth, options, show) {
    const name = this.constructor.name
    if (depth < 0) return options.stylize(`[${name}]`, 'special')
    return `${name} ${show({ type: this.type, id: redact(this.id), definition: redacted(this.#definition) }, { ...options, depth })}`
  }

  #sync() {
    callNative(() => this.#native.setDocument(documentJson(this.#definition)))
  }
}

class Product extends Resource {
  /** The offer id (`identity.externalId`). */
  get externalId() {
    return nativeOfResource(this).externalId
  }

  /** Its name in Partner Center. */
  get alias() {
    return nativeOfResource(this).alias
  }

  /** Its type (`azureVirtualMachine`, ...). */
  get productType() {
    return nativeOfResource(this).productType
  }

  /** Its lifecycle state (`generallyAvailable` when absent). */
  get lifecycleState() {
    return nativeOfResource(this).lifecycleState
  }
}

/** An image version the addon gave, as the plain object users see. */
function versionOf(native) {
  return inspectRedacted({
    versionNumber: native.versionNumber,
    lifecycleState: native.lifecycleState ?? null,
    images: native.images.map((i) => ({
      imageType: i.imageType,
      sourceType: i.sourceType,
      osDiskUri: i.osDiskUri,
      dataDisks: i.dataDisks.map((d) => ({ lun: d.lun, uri: d.uri })),
      sharedImageTenantId: i.sharedImageTenantId,
      sharedImageResourceId: i.sharedImageResourceId,
    })),
    deprecationSchedule: native.deprecationSchedule ?? null,
  })
}

/** Data disks given by a user: `[{ lun, uri }]` (types checked here, values by the core). */
function dataDisks(name, value) {
  if (value == null) return undefined
  if (!Array.isArray(value)) throw args.typeError(name, 'an array', value)
  return value.map((disk, i) => {
    if (disk == null) throw args.typeError(`${name}[${i}]`, 'an object', disk)
    const d = args.options(`${name}[${i}]`, disk, ['lun', 'uri'])
    if (typeof d.lun !== 'number') throw args.typeError(`${name}[${i}].lun`, 'a number', d.lun)
    return { lun: d.lun, uri: args.string(`${name}[${i}].uri`, d.uri) }
  })
}

/** An image version given by a user. */
function nativeVersion(version) {
  if (version == null) throw args.typeError('version', 'an object', version)
  const v = args.options('version', version, IMAGE_VERSION_FIELDS)
  if (!Array.isArray(v.images)) throw args.typeError('version.images', 'an array', v.images)
  let schedule
  if (v.deprecationSchedule != null) {
    const s = args.options('version.deprecationSchedule', v.deprecationSchedule, ['date', 'dateOffset', 'reason'])
    schedule = {
      date: args.optionalString('version.deprecationSchedule.date', s.date) ?? '',
      dateOffset: args.optionalString('version.deprecationSchedule.dateOffset', s.dateOffset) ?? '',
      reason: args.optionalString('version.deprecationSchedule.reason', s.reason) ?? '',
    }
  }
  return {
    versionNumber: args.string('version.versionNumber', v.versionNumber),
    lifecycleState: args.optionalString('version.lifecycleState', v.lifecycleState),
    deprecationSchedule: schedule,
    images: v.images.map((image, i) => {
      const name = `version.images[${i}]`
      if (image == null) throw args.typeError(name, 'an object', image)
      const o = args.options(name, image, IMAGE_FIELDS)
      return {
        imageType: args.string(`${name}.imageType`, o.imageType),
        sourceType: args.optionalString(`${name}.sourceType`, o.sourceType),
        osDiskUri: args.optionalString(`${name}.osDiskUri`, o.osDiskUri),
        dataDisks: dataDisks(`${name}.dataDisks`, o.dataDisks),
        sharedImageTenantId: args.optionalString(`${name}.sharedImageTenantId`, o.sharedImageTenantId),
        sharedImageResourceId: args.optionalString(`${name}.sharedImageResourceId`, o.sharedImageResourceId),
      }
    }),
  }
}

/**
 * A plan's VM technical configuration (from `tree.technicalConfiguration(planId)`), with
 * the image helpers. The image list is full-state: the helpers keep every version the
 * service holds unless asked to change that one.
 */
class TechnicalConfiguration extends Resource {
  /** The plan's id (its external id, `standard`). */
  get planId() {
    return nativeOfResource(this).planId
  }

  /** The SKUs: `[{ imageType, skuId }]`, in order. */
  skus() {
    return nativeOfResource(this).skus().map((s) => ({ imageType: s.imageType, skuId: s.skuId }))
  }

  /** The image types of the SKUs (`x64Gen1`, `x64Gen2`, `arm64Gen2`). */
  imageTypes() {
    return nativeOfResource(this).imageTypes()
  }

  /** The image versions, in document order. */
  vmImageVersions() {
    return nativeOfResource(this).vmImageVersions().map(versionOf)
  }

  /** The versions the preview and live trees hold; null when not known. */
  publishedVersions() {
    return nativeOfResource(this).publishedVersions() ?? null
  }

  /** Adds a version, or replaces the one with the same number (one image per SKU image type). */
  setVmImageVersion(version) {
    const native = nativeVersion(version)
    const handle = nativeOfResource(this)
    adoptDocument(this, callNative(() => handle.setVmImageVersion(native)))
  }

  /** Deprecates a version; `{ reason, dateOffset }` optional. */
  deprecateVmImageVersion(versionNumber, options) {
    args.string('versionNumber', versionNumber)
    const o = args.options('options', options, ['reason', 'dateOffset'])
    const reason = args.optionalString('options.reason', o.reason)
    const dateOffset = args.optionalString('options.dateOffset', o.dateOffset)
    const handle = nativeOfResource(this)
    adoptDocument(this, callNative(() => handle.deprecateVmImageVersion(versionNumber, reason, dateOffset)))
  }

  /** Restores a deprecated version (back to `generallyAvailable`). */
  restoreVmImageVersion(versionNumber) {
    args.string('versionNumber', versionNumber)
    const handle = nativeOfResource(this)
    adoptDocument(this, callNative(() => handle.restoreVmImageVersion(versionNumber)))
  }

  /** Removes a version that was never published and returns it (a published one is
   * `invalid_argument`: deprecate it instead). */
  removeVmImageVersion(versionNumber) {
    args.string('versionNumber', versionNumber)
    const handle = nativeOfResource(this)
    const removed = callNative(() => handle.removeVmImageVersion(versionNumber))
    adoptDocument(this, handle.document())
    return versionOf(removed)
  }
}

/** The Resource (a Product for a product) of a NativeResource. */
function resourceOf(native) {
  return native.resourceType === 'product' ? new Product(native) : new Resource(native)
}

/** The JSON a configure request sends for `resource`: a Resource as it is now, or a plain object. */
function resourceJson(resource, i) {
  if (resource instanceof Resource) return nativeOfResource(resource).toJson()
  if (isPlainObject(resource)) return JSON.stringify(resource)
  throw args.typeError(`resources[${i}]`, 'a Resource or a plain object', resource)
}

module.exports = { Product, Resource, TechnicalConfiguration, resourceJson, resourceOf, versionOf }
