'use strict'
// parseOfferStatus: inputs, field shapes, strict mode, errors with a position, and
// TypeErrors for arguments of the wrong type.

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { inspect } = require('node:util')
const { FIXTURES, cloudpartner } = require('./support')

const { parseOfferStatus, CloudPartnerError } = cloudpartner
const sample = fs.readFileSync(path.join(FIXTURES, 'reference-sample.json'))

test('a string, a Buffer and a Uint8Array give the same status', () => {
  const fromBuffer = parseOfferStatus(sample)
  const fromString = parseOfferStatus(sample.toString('utf8'))
  const bytes = new Uint8Array(sample.byteLength + 4)
  bytes.set(sample, 2)
  const fromView = parseOfferStatus(bytes.subarray(2, 2 + sample.byteLength))
  assert.equal(fromString.toJson(), fromBuffer.toJson())
  assert.equal(fromView.toJson(), fromBuffer.toJson())
})

test('fields are camelCase plain values: Date timestamps, time frames in seconds', () => {
  const status = parseOfferStatus(sample)
  // Getters (as URL's are), read lazily: util.inspect shows them all, in this order.
  const fields = [
    'status', 'rawStatus', 'messages', 'steps', 'previewLinks', 'liveLinks', 'notificationEmails',
    'isTerminal', 'needsPublisherAction', 'currentStep', 'progress', 'estimatedRemaining',
  ]
  const shown = inspect(status, { depth: 0 })
  assert.match(shown, /^OfferStatus \{/)
  assert.deepEqual([...shown.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]), fields)
  for (const name of fields) assert.ok(name in status && status[name] !== undefined, name)
  assert.deepEqual(JSON.parse(JSON.stringify(status)), JSON.parse(status.toJson()), 'JSON.stringify writes the canonical JSON')
  assert.deepEqual(status.notificationEmails, ['jdoe@contoso.com'])
  const step = status.steps[0]
  assert.deepEqual(Object.keys(step).sort(), [
    'description', 'estimatedTimeFrame', 'id', 'messages', 'name', 'progressPercentage', 'rawStatus', 'status',
  ])
  assert.deepEqual(step.estimatedTimeFrame, { raw: '< 15 min', minSeconds: 0, maxSeconds: 900 })
  const message = step.messages[0]
  assert.ok(message.timestamp instanceof Date)
  assert.equal(message.timestamp.toISOString(), '2018-03-16T17:50:45.721Z')
  assert.equal(typeof message.html, 'string')
  assert.equal(message.level, 'information')
})

test('states are canonical spellings; unknown ones are "unknown" with the raw spelling', () => {
  const status = parseOfferStatus(JSON.stringify({
    status: 'In Progress Somewhere',
    steps: [
      { id: 'a', status: 'in_progress', estimatedTimeFrame: 'soon', messages: [{ messageHtml: '<b>x</b> &amp; y', level: 'WARN', timestamp: 'never' }] },
      { id: 'b', status: 'Completed' },
    ],
  }))
  assert.equal(status.status, 'unknown')
  assert.equal(status.rawStatus, 'In Progress Somewhere')
  assert.equal(status.steps[0].status, 'inProgress')
  assert.equal(status.steps[0].rawStatus, 'in_progress')
  assert.equal(status.steps[1].status, 'complete')
  assert.deepEqual(status.steps[0].estimatedTimeFrame, { raw: 'soon', minSeconds: null, maxSeconds: null })
  const message = status.steps[0].messages[0]
  assert.equal(message.level, 'warning')
  assert.equal(message.rawLevel, 'WARN')
  assert.equal(message.text, 'x & y')
  assert.equal(message.timestamp, null)
  assert.equal(status.steps[1].estimatedTimeFrame, null)
})

test('strict mode refuses unknown states with a parse error', () => {
  const text = '{"status": "paused", "steps": []}'
  assert.equal(parseOfferStatus(text).status, 'unknown')
  assert.equal(parseOfferStatus(text, { strict: false }).status, 'unknown')
  assert.throws(() => parseOfferStatus(text, { strict: true }), (e) => e instanceof CloudPartnerError && e.kind === 'parse' && /paused/.test(e.message))
})

test('the broken reference sample fails at the line of the missing quote', () => {
  const broken = fs.readFileSync(path.join(FIXTURES, 'invalid', 'reference-sample-broken.json'), 'utf8')
  const line = broken.split('\n').findIndex((l) => l.includes('liveLinks"')) + 1
  assert.throws(() => parseOfferStatus(broken), (e) => {
    assert.ok(e instanceof CloudPartnerError)
    assert.ok(e instanceof Error)
    assert.equal(e.name, 'CloudPartnerError')
    assert.equal(e.kind, 'parse')
    assert.equal(e.line, line)
    assert.ok(e.message.includes(`line ${line}`), e.message)
    assert.equal(e.statusCode, null)
    return true
  })
})

test('arguments of the wrong type throw a TypeError naming them', () => {
  for (const bad of [42, null, undefined, {}, ['{}']]) {
    assert.throws(() => parseOfferStatus(bad), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE', message: /"input" argument must be a string, a Buffer or a Uint8Array/ })
  }
  assert.throws(() => parseOfferStatus('{}', { strict: 'yes' }), { name: 'TypeError', message: /"options.strict"/ })
  assert.throws(() => parseOfferStatus('{}', { strikt: true }), { name: 'TypeError', message: /Unknown option "strikt"/ })
})
