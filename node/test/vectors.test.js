'use strict'
// Every test vector of fixtures/status/ (DESIGN §7) through parseOfferStatus: a new
// vector needs no code here.

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { FIXTURES, cloudpartner } = require('./support')

const { parseOfferStatus, CloudPartnerError, OfferStatus } = cloudpartner

function inputs(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.expected.json') && /\.(json|bin)$/.test(e.name))
    .map((e) => path.join(dir, e.name))
    .sort()
}

function expectedOf(input) {
  const stem = input.replace(/\.(json|bin)$/, '')
  return JSON.parse(fs.readFileSync(`${stem}.expected.json`, 'utf8'))
}

/** Deep equality with numbers compared to 1e-9. */
function close(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => close(x, b[i]))
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = Object.keys(a)
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && close(a[k], b[k]))
  }
  return a === b
}

const range = (r) => (r == null ? null : [r.minSeconds, r.maxSeconds])

/** A canonical timestamp as epoch milliseconds (truncated, as the core does), or null. */
const millis = (text) => (text == null ? null : Date.parse(text.replace(/(\.\d{3})\d*Z$/, '$1Z')))

/** The state spelling of the canonical JSON: an 'unknown' one is the raw spelling. */
const spelled = (state, raw) => (state === 'unknown' ? raw : state)

/** Every field of the objects, held against the canonical JSON of the same status. */
function assertFieldsMatch(status, canonical) {
  const messages = (list, wire) => {
    assert.equal(list.length, wire.length)
    list.forEach((m, i) => {
      assert.equal(m.html, wire[i].messageHtml)
      assert.equal(spelled(m.level, m.rawLevel), wire[i].level)
      assert.equal(typeof m.text, 'string')
      assert.equal(m.timestamp === null ? null : m.timestamp.getTime(), millis(wire[i].timestamp))
    })
  }
  assert.equal(spelled(status.status, status.rawStatus), canonical.status)
  messages(status.messages, canonical.messages)
  assert.equal(status.steps.length, canonical.steps.length)
  status.steps.forEach((step, i) => {
    const wire = canonical.steps[i]
    assert.equal(step.id, wire.id)
    assert.equal(step.name, wire.stepName)
    assert.equal(step.description, wire.description)
    assert.equal(spelled(step.status, step.rawStatus), wire.status)
    assert.equal(step.progressPercentage, wire.progressPercentage)
    assert.equal(step.estimatedTimeFrame === null ? null : step.estimatedTimeFrame.raw, wire.estimatedTimeFrame ?? null)
    messages(step.messages, wire.messages)
  })
  const links = (list, wire) => assert.deepEqual(list.map((l) => [l.displayText, l.uri]), wire.map((l) => [l.displayText, l.uri]))
  links(status.previewLinks, canonical.previewLinks)
  links(status.liveLinks, canonical.liveLinks)
  assert.equal(status.notificationEmails.join(', '), canonical.notificationEmails)
}

function derived(status) {
  const timeFrames = {}
  for (const step of status.steps) {
    const frame = step.estimatedTimeFrame
    timeFrames[step.id] = frame && frame.minSeconds != null ? [frame.minSeconds, frame.maxSeconds] : null
  }
  return {
    isTerminal: status.isTerminal,
    needsPublisherAction: status.needsPublisherAction,
    currentStepId: status.currentStep ? status.currentStep.id : null,
    progress: status.progress,
    estimatedRemaining: range(status.estimatedRemaining),
    timeFrames,
  }
}

const valid = inputs(FIXTURES)
const invalid = inputs(path.join(FIXTURES, 'invalid'))

test('the fixtures folder has vectors', () => {
  assert.ok(valid.length >= 15, `only ${valid.length} valid vectors`)
  assert.ok(invalid.length >= 6, `only ${invalid.length} invalid vectors`)
})

for (const input of valid) {
  test(`valid vector ${path.basename(input)}`, () => {
    const expected = expectedOf(input)
    const status = parseOfferStatus(fs.readFileSync(input))
    assert.ok(status instanceof OfferStatus)
    const canonical = JSON.parse(status.toJson())
    assert.ok(close(canonical, expected.canonical), `canonical\n got ${JSON.stringify(canonical)}\nwant ${JSON.stringify(expected.canonical)}`)
    const actual = derived(status)
    assert.ok(close(actual, expected.derived), `derived\n got ${JSON.stringify(actual)}\nwant ${JSON.stringify(expected.derived)}`)
    if (status.currentStep) assert.ok(status.steps.includes(status.currentStep), 'currentStep is one of steps')
    assertFieldsMatch(status, canonical)
    const again = parseOfferStatus(status.toJson())
    assert.equal(again.toJson(), status.toJson(), 'parse(toJson(x)) gives x again')
  })
}

for (const input of invalid) {
  test(`invalid vector ${path.basename(input)}`, () => {
    const expected = expectedOf(input)
    const bytes = fs.readFileSync(input)
    assert.throws(
      () => parseOfferStatus(bytes),
      (error) => {
        assert.ok(error instanceof CloudPartnerError, `${error}`)
        assert.equal(error.kind, expected.kind)
        assert.equal(error.code, 'ERR_CLOUDPARTNER_PARSE')
        assert.equal(error.line, expected.line)
        assert.equal(error.column, expected.column)
        assert.ok(error.message.length > 0)
        return true
      },
    )
  })
}
