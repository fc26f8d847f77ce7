'use strict'
// Jobs, submissions and product statuses as plain objects: states spelled as on the
// wire (or 'unknown'), times as Dates.

const { inspectRedacted } = require('../offer')

const date = (ms) => (ms == null ? null : new Date(ms))

function jobErrorOf(native) {
  return {
    code: native.code,
    message: native.message,
    resourceId: native.resourceId ?? null,
    details: native.details.map(jobErrorOf),
    isCertification: native.isCertification,
    lines: native.lines,
  }
}

/** A configure job: `{ id, status, result, rawStatus, rawResult, start, end, errors, isDone, succeeded, isCertificationFailure }`. */
function jobOf(native) {
  return inspectRedacted({
    id: native.id,
    status: native.status,
    result: native.result,
    rawStatus: native.rawStatus,
    rawResult: native.rawResult,
    start: date(native.start),
    end: date(native.end),
    errors: native.errors.map(jobErrorOf),
    isDone: native.isDone,
    succeeded: native.succeeded,
    isCertificationFailure: native.isCertificationFailure,
  })
}

/** A submission: `{ id, product, target, status, result, created, inProgress, succeeded, failed }`. */
function submissionOf(native) {
  return {
    id: native.id,
    product: native.product,
    target: native.target,
    status: native.status ?? null,
    result: native.result ?? null,
    created: date(native.created),
    inProgress: native.inProgress,
    succeeded: native.succeeded,
    failed: native.failed,
  }
}

/** Where a product stands: `{ product, preview, live, stage, isTerminal, needsPublisherAction, inProgress }`. */
function productStatusOf(native) {
  return {
    product: native.product,
    preview: native.preview == null ? null : submissionOf(native.preview),
    live: native.live == null ? null : submissionOf(native.live),
    stage: native.stage,
    isTerminal: native.isTerminal,
    needsPublisherAction: native.needsPublisherAction,
    inProgress: native.inProgress,
  }
}

module.exports = { jobOf, productStatusOf, submissionOf }
