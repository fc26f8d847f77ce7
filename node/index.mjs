// The ES module entry: the same objects as the CommonJS entry (one instance of the
// addon and of each class, whichever way the package is loaded).
import cloudpartner from './index.js'

export const {
  Client,
  CloudPartnerError,
  ERROR_KINDS,
  Emulator,
  IngestionClient,
  Offer,
  OfferStatus,
  Operation,
  ingestion,
  parseOffer,
  parseOfferStatus,
  parseOffers,
  parseOperation,
  parseOperations,
} = cloudpartner
export default cloudpartner
