// The same package through require(), typed: the CommonJS declarations.
import cloudpartner = require('cloudpartner')

const status: cloudpartner.OfferStatus = cloudpartner.parseOfferStatus('{"status": "succeeded"}')
const done: boolean = status.isTerminal
const kinds: readonly cloudpartner.ErrorKind[] = cloudpartner.ERROR_KINDS
export const summary = `${status.status} ${done} ${kinds.join(',')}`
const offer: cloudpartner.Offer = cloudpartner.parseOffer('{"id": "x"}')
const operation: cloudpartner.Operation = cloudpartner.parseOperation('{"id": "y", "status": "running"}')
const state: cloudpartner.OperationState = operation.state
export const more = `${offer.id} ${state} ${offer.definition.displayText ?? ''}`
const tree: cloudpartner.ingestion.ResourceTree = cloudpartner.ingestion.parseResourceTree('{"root": "product/p", "resources": []}')
const target: cloudpartner.ingestion.Target = tree.target
const job: cloudpartner.ingestion.Job = cloudpartner.ingestion.parseJob('{"jobId": "j", "jobStatus": "running", "jobResult": "pending"}')
const jobStatus: cloudpartner.ingestion.JobStatus = job.status
const stage: cloudpartner.ingestion.ProductStage = cloudpartner.ingestion.parseProductStatus('{"value": []}').stage
export const ingestionSummary = `${target} ${jobStatus} ${stage} ${cloudpartner.IngestionClient === cloudpartner.ingestion.IngestionClient}`
