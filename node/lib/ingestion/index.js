'use strict'
// require('cloudpartner').ingestion: the Product Ingestion API (DESIGN §10).

const addon = require('../addon')
const { callNative } = require('../errors')
const { parserInput } = require('../offer')
const { IngestionClient } = require('./client')
const { Product, Resource, TechnicalConfiguration, resourceOf } = require('./resource')
const { ResourceTree } = require('./tree')
const { jobOf, productStatusOf, submissionOf } = require('./values')

/** Parses a resource tree (`GET resource-tree/product/<guid>`), losslessly. */
function parseResourceTree(input) {
  const text = parserInput(input)
  return new ResourceTree(callNative(() => addon.ingestionParseResourceTree(text)))
}

/** Parses one resource, losslessly. */
function parseResource(input) {
  const text = parserInput(input)
  return resourceOf(callNative(() => addon.ingestionParseResource(text)))
}

/** Parses a configure status. */
function parseJob(input) {
  const text = parserInput(input)
  return jobOf(callNative(() => addon.ingestionParseJob(text)))
}

/** Parses `GET submission/<guid>`. */
function parseSubmissions(input) {
  const text = parserInput(input)
  return callNative(() => addon.ingestionParseSubmissions(text)).map(submissionOf)
}

/** Parses `GET submission/<guid>` into where `product` (named in the result) stands. */
function parseProductStatus(input, product = '') {
  const text = parserInput(input)
  return productStatusOf(callNative(() => addon.ingestionParseProductStatus(text, product)))
}

/** Parses a page of a list: `{ resources, nextLink }`. */
function parsePage(input) {
  const text = parserInput(input)
  const page = callNative(() => addon.ingestionParsePage(text))
  return { resources: page.resources.map(resourceOf), nextLink: page.nextLink ?? null }
}

module.exports = {
  IngestionClient,
  Product,
  Resource,
  ResourceTree,
  TechnicalConfiguration,
  parseJob,
  parsePage,
  parseProductStatus,
  parseResource,
  parseResourceTree,
  parseSubmissions,
}
