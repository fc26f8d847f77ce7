'use strict'
// cloudpartner: the Azure Marketplace Cloud Partner Portal API client (offer
// publishing status and the publishing API) for Node.js, on the Rust core through a
// napi-rs addon.

const { Client } = require('./lib/client')
const { Emulator } = require('./lib/emulator')
const ingestion = require('./lib/ingestion')
const { CloudPartnerError, ERROR_KINDS } = require('./lib/errors')
const { Offer, parseOffer, parseOffers } = require('./lib/offer')
const { OfferStatus } = require('./lib/offer-status')
const { Operation, parseOperation, parseOperations } = require('./lib/operation')
const { parseOfferStatus } = require('./lib/parse')

module.exports = {
  Client,
  CloudPartnerError,
  ERROR_KINDS,
  Emulator,
  IngestionClient: ingestion.IngestionClient,
  Offer,
  OfferStatus,
  Operation,
  ingestion,
  parseOffer,
  parseOfferStatus,
  parseOffers,
  parseOperation,
  parseOperations,
}
