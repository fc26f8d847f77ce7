'use strict'
// Every operation vector of fixtures/operation/ (DESIGN §7) through parseOperation /
// parseOperations, and the invalid ones failing with their position.

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { FIXTURE_ROOT, cloudpartner, expectedOf, vectorInputs } = require('./support')

const { CloudPartnerError, Operation, OfferStatus, parseOperation, parseOperations } = cloudpartner
const DIR = path.join(FIXTURE_ROOT, 'operation')
const KNOWN = require('../lib/addon').tables().operationStates

const millis = (text) => (text === null ? null : Date.parse(text.replace(/(\.\d{3})\d*Z$/, '$1Z')))
const time = (date) => (date === null ? null : date.getTime())

function summary(op) {
  assert.ok(op instanceof Operation)
  assert.ok([...KNOWN, 'unknown'].includes(op.state), op.state)
  assert.equal(op.state === 'unknown', !KNOWN.includes(op.rawState) && !KNOWN.includes(JSON.parse(op.toJson()).status))
  assert.ok(op.detail === null || op.detail instanceof OfferStatus)
  return {
    id: op.id,
    submissionType: op.submissionType,
    // The vectors spell an unknown state verbatim; the package says 'unknown', with
    // the spelling in rawState.
    state: op.state === 'unknown' ? op.rawState : op.state,
    rawState: op.rawState,
    isTerminal: op.isTerminal,
    created: time(op.created),
    lastAction: time(op.lastAction),
    publishingVersion: op.publishingVersion,
    offerVersion: op.offerVersion,
    slot: op.slot,
    cancellationRequestState: op.cancellationRequestState,
    error: op.error,
    detail: op.detail === null ? null : JSON.parse(op.detail.toJson()),
  }
}

const valid = vectorInputs(DIR)
const invalid = vectorInputs(path.join(DIR, 'invalid'))

test('the operation fixtures have vectors', () => {
  assert.ok(valid.length >= 8, `only ${valid.length} valid operation vectors`)
  assert.ok(invalid.length >= 6, `only ${invalid.length} invalid operation vectors`)
})

for (const input of valid) {
  test(`operation vector ${path.basename(input)}`, () => {
    const bytes = fs.readFileSync(input)
    const want = expectedOf(input)
    const operations = want.list ? parseOperations(bytes) : [parseOperation(bytes.toString('utf8'))]
    const expected = want.operations.map((o) => ({ ...o, created: millis(o.created), lastAction: millis(o.lastAction) }))
    assert.deepEqual(operations.map(summary), expected)
    for (const op of operations) {
      // Equal as the core compares operations: the raw spelling aside (toJson writes
      // the canonical one).
      const again = parseOperation(op.toJson())
      const { rawState, ...was } = summary(op)
      const { rawState: canonical, ...now } = summary(again)
      assert.deepEqual(now, was, 'parse(toJson(x)) equals x')
      assert.equal(canonical, op.state === 'unknown' ? rawState : op.state)
      assert.equal(again.toJson(), op.toJson())
      assert.deepEqual(JSON.parse(JSON.stringify(op)), JSON.parse(op.toJson()), 'JSON.stringify writes the canonical JSON')
    }
  })
}

for (const input of invalid) {
  test(`invalid operation vector ${path.basename(input)}`, () => {
    const want = expectedOf(input)
    assert.throws(() => parseOperation(fs.readFileSync(input)), (error) => {
      assert.ok(error instanceof CloudPartnerError, String(error))
      assert.equal(error.kind, want.kind)
      assert.equal(error.line, want.line)
      assert.equal(error.column, want.column)
      return true
    })
  })
}
