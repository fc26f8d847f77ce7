'use strict'
// ResourceTree: a product's resources for one target, kept losslessly by the core.
// `resources` are Resource objects to edit (and send with configure()); toJson() is
// the tree exactly as the service sent it.

const { inspect } = require('node:util')
const addon = require('../addon')
const args = require('../arguments')
const { callNative } = require('../errors')
const { Resource, TechnicalConfiguration, resourceOf } = require('./resource')

class ResourceTree {
  #native
  #resources

  /** Internal: made by `ingestionClient.resourceTree()` or `ingestion.parseResourceTree()`. */
  constructor(native) {
    if (!(native instanceof addon.NativeResourceTree)) {
      throw new TypeError('ResourceTree cannot be constructed directly: use ingestionClient.resourceTree()')
    }
    this.#native = native
  }

  /** The product's durable id (`product/<guid>`). */
  get root() {
    return this.#native.root
  }

  /** `draft`, `preview` or `live`. */
  get target() {
    return this.#native.target
  }

  /** Every resource, in the order sent (the same objects on every read). */
  get resources() {
    this.#resources ??= this.#native.resources().map(resourceOf)
    return this.#resources
  }

  /** The product resource (a copy); null when the tree has none. */
  get product() {
    const native = this.#native.product()
    return native == null ? null : resourceOf(native)
  }

  /** The plan resources (copies). */
  get plans() {
    return this.#native.plans().map(resourceOf)
  }

  /** The plans' ids (external ids), in order. */
  get planIds() {
    return this.#native.planIds()
  }

  /** The tree's submission resource; null when none. */
  get submission() {
    const native = this.#native.submission()
    return native == null ? null : resourceOf(native)
  }

  /** The technical configuration of a plan, to read or edit (a new copy each call). */
  technicalConfiguration(planId) {
    args.string('planId', planId)
    return new TechnicalConfiguration(callNative(() => this.#native.technicalConfiguration(planId)))
  }

  /** The tree exactly as sent (lossless). */
  toJson() {
    return this.#native.toJson()
  }

  toJSON() {
    return JSON.parse(this.toJson())
  }

  [inspect.custom](depth, options, show) {
    if (depth < 0) return options.stylize('[ResourceTree]', 'special')
    return `ResourceTree ${show({ root: this.root, target: this.target, planIds: this.planIds, resources: this.resources.length }, options)}`
  }
}

module.exports = { Resource, ResourceTree }
