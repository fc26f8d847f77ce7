'use strict'
// The package's names against the core's lists (the addon's tables()): ERROR_KINDS,
// the string unions of the .d.ts files, the kinds and codes of CloudPartnerError, and
// the states and levels an OfferStatus carries. A name added to the core fails here
// until the package has it (and `make lint-node` until the regenerated tables.d.ts
// is committed).

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { cloudpartner } = require('./support')
const addon = require('../lib/addon')
const { fromDetailsJson } = require('../lib/errors')

const { CloudPartnerError, ERROR_KINDS, parseOfferStatus } = cloudpartner
const PACKAGE_DIR = path.join(__dirname, '..')
const tables = addon.tables()

/** The members of `export type NAME = | 'a' | 'b' ...` in a .d.ts text; null when absent. */
function union(text, name) {
  const match = new RegExp(`^export type ${name} =\\n((?:  \\| '[^']*'\\n)+)`, 'm').exec(text)
  return match && [...match[1].matchAll(/'([^']*)'/g)].map((m) => m[1])
}

test('the addon hands over the core lists', () => {
  assert.deepEqual(Object.keys(tables).sort(), [
    'errorKinds',
    'jobResults',
    'jobStatuses',
    'lifecycleStates',
    'messageLevels',
    'offerStates',
    'operationStates',
    'productStages',
    'releaseEventKinds',
    'releaseOutcomes',
    'releasePhases',
    'stepStates',
    'submissionResults',
    'submissionStatuses',
    'targets',
  ])
  for (const [key, list] of Object.entries(tables)) {
    assert.ok(list.length > 0, key)
    assert.equal(new Set(list).size, list.length, `${key} has duplicates`)
  }
  assert.ok(tables.errorKinds.includes('conflict'))
  assert.deepEqual(tables.operationStates, ['notStarted', 'running', 'completed', 'failed', 'canceled'])
})

test('ERROR_KINDS is exactly the core list, frozen', () => {
  assert.deepEqual([...ERROR_KINDS], tables.errorKinds)
  assert.ok(Object.isFrozen(ERROR_KINDS))
})

test('tables.d.ts has exactly the core lists as its unions', () => {
  const text = fs.readFileSync(path.join(PACKAGE_DIR, 'tables.d.ts'), 'utf8')
  const expected = {
    ErrorKind: tables.errorKinds,
    KnownOfferState: tables.offerStates,
    KnownStepState: tables.stepStates,
    KnownOperationState: tables.operationStates,
    KnownMessageLevel: tables.messageLevels,
    ReleasePhase: tables.releasePhases,
    ReleaseOutcomeKind: tables.releaseOutcomes,
    ReleaseEventKind: tables.releaseEventKinds,
    KnownJobStatus: tables.jobStatuses,
    KnownJobResult: tables.jobResults,
    KnownSubmissionStatus: tables.submissionStatuses,
    KnownSubmissionResult: tables.submissionResults,
    KnownTarget: tables.targets,
    KnownLifecycleState: tables.lifecycleStates,
    KnownProductStage: tables.productStages,
  }
  for (const [name, list] of Object.entries(expected)) assert.deepEqual(union(text, name), list, name)
  const exported = [...text.matchAll(/^export type (\w+)/gm)].map((m) => m[1])
  assert.deepEqual(exported.sort(), Object.keys(expected).sort(), 'tables.d.ts has other unions')
})

test("index.d.ts takes its unions from tables.d.ts and adds 'unknown' to the states", () => {
  const text = fs.readFileSync(path.join(PACKAGE_DIR, 'index.d.ts'), 'utf8')
  for (const name of ['OfferState', 'StepState', 'OperationState', 'MessageLevel']) {
    assert.match(text, new RegExp(`^export type ${name} = Known${name} \\| 'unknown'$`, 'm'), name)
  }
  assert.match(text, /^export type \{ ErrorKind, /m)
  assert.doesNotMatch(text, /^export type ErrorKind =/m, 'index.d.ts keeps its own ErrorKind list')
})

test('every kind of the core is a CloudPartnerError kind with its code; no other kind is', () => {
  for (const kind of tables.errorKinds) {
    const error = new CloudPartnerError(kind, 'message')
    assert.equal(error.kind, kind)
    assert.equal(error.code, `ERR_CLOUDPARTNER_${kind.toUpperCase()}`)
    const fromAddon = fromDetailsJson(JSON.stringify({ cloudpartner: { kind, message: 'from the addon', statusCode: null } }))
    assert.ok(fromAddon instanceof CloudPartnerError)
    assert.equal(fromAddon.kind, kind, 'an addon error changed kind')
  }
  for (const kind of ['unknown', 'NotFound', 'not-found', '', undefined]) {
    assert.throws(() => new CloudPartnerError(kind, 'message'), { name: 'TypeError', code: 'ERR_INVALID_ARG_VALUE' }, String(kind))
  }
})

test('every state and level of the core comes out of a status as spelled in the unions', () => {
  const document = {
    status: 'running',
    messages: tables.messageLevels.map((level) => ({ messageHtml: level, level })),
    steps: tables.stepStates.map((state, i) => ({ id: `s${i}`, status: state })),
  }
  const status = parseOfferStatus(JSON.stringify(document), { strict: true })
  assert.deepEqual(status.messages.map((m) => m.level), tables.messageLevels)
  assert.deepEqual(status.steps.map((s) => s.status), tables.stepStates)
  for (const state of tables.offerStates) {
    assert.equal(parseOfferStatus(JSON.stringify({ status: state }), { strict: true }).status, state)
  }
  assert.equal(parseOfferStatus('{"status": "paused"}').status, 'unknown')
})

test('every Product Ingestion state of the core comes out of the parsers as spelled in the unions', () => {
  const { ingestion } = cloudpartner
  for (const status of tables.jobStatuses) {
    for (const result of tables.jobResults) {
      const job = ingestion.parseJob(JSON.stringify({ jobId: 'j', jobStatus: status, jobResult: result, errors: [] }))
      assert.deepEqual([job.status, job.result], [status, result])
    }
  }
  assert.equal(ingestion.parseJob('{"jobId": "j", "jobStatus": "paused", "jobResult": "pending"}').status, 'unknown')
  const product = 'product/00000000-0000-0000-0000-000000000001'
  for (const target of tables.targets) {
    for (const status of tables.submissionStatuses) {
      for (const result of tables.submissionResults) {
        const text = JSON.stringify({ value: [{ id: `submission/x/${target}`, product, target: { targetType: target }, status, result }] })
        const [s] = ingestion.parseSubmissions(text)
        assert.deepEqual([s.target, s.status, s.result], [target, status, result])
      }
    }
  }
  const stages = new Set()
  const entry = (target, status, result, id = 1) => ({ id: `submission/x/${id}`, product, target: { targetType: target }, status, result, created: `2026-12-0${id}T00:00:00Z` })
  const cases = [
    [],
    [entry('preview', 'running', 'pending')],
    [entry('preview', 'completed', 'failed')],
    [entry('preview', 'completed', 'succeeded')],
    [entry('preview', 'completed', 'succeeded'), entry('live', 'running', 'pending')],
    [entry('preview', 'completed', 'succeeded'), entry('live', 'completed', 'failed')],
    [entry('preview', 'completed', 'succeeded'), entry('live', 'completed', 'succeeded')],
  ]
  for (const list of cases) stages.add(ingestion.parseProductStatus(JSON.stringify({ value: list })).stage)
  assert.deepEqual([...stages].sort(), [...tables.productStages].sort())
})
