'use strict'
// client.watch(): an async iterable over a simulated publish (a large timeScale makes
// it take about a second), to success, failure or review; break, close(), AbortSignal,
// timeout; bad options.

const test = require('node:test')
const assert = require('node:assert/strict')
const { cloudpartner, clientOf, publish, scenario, sleep, statusRequests, within, withEmulator } = require('./support')

const { CloudPartnerError, OfferStatus } = cloudpartner

/** Three steps of 1000 simulated seconds each; at 3000x the publish takes about a second. */
function publishing(outcomeOfLast) {
  return scenario({ 'vm-offer': publish([['validate', 1000], ['certify', 1000], ['live', 1000, outcomeOfLast]]) })
}

const fast = { minIntervalMs: 20, maxIntervalMs: 100 }

async function collect(iterable) {
  const seen = []
  for await (const status of iterable) seen.push(status)
  return seen
}

test('watch yields each change until the publish succeeds', async () => {
  await withEmulator({ scenario: publishing(), timeScale: 3000 }, async (emulator) => {
    const seen = await within(20000, collect(clientOf(emulator).watch('contoso', 'vm-offer', fast)), 'watch')
    assert.ok(seen.length >= 3, `only ${seen.length} statuses`)
    assert.ok(seen.every((s) => s instanceof OfferStatus))
    const last = seen.at(-1)
    assert.equal(last.status, 'succeeded')
    assert.equal(last.isTerminal, true)
    assert.ok(seen.slice(0, -1).every((s) => !s.isTerminal))
    for (let i = 1; i < seen.length; i++) assert.notEqual(seen[i].toJson(), seen[i - 1].toJson(), 'a status repeated')
    assert.ok(seen.some((s) => s.currentStep && s.currentStep.id === 'certify'))
  })
})

test('watch ends with the failed status when a step is rejected', async () => {
  await withEmulator({ scenario: publishing('rejected'), timeScale: 3000 }, async (emulator) => {
    const seen = await within(20000, collect(clientOf(emulator).watch('contoso', 'vm-offer', fast)), 'watch')
    const last = seen.at(-1)
    assert.equal(last.status, 'failed')
    assert.equal(last.steps.at(-1).status, 'rejected')
  })
})

test("until: 'review' stops when the publisher must act; otherwise timeoutMs ends it", async () => {
  await withEmulator({ scenario: publishing('waitingForPublisherReview'), timeScale: 3000 }, async (emulator) => {
    const client = clientOf(emulator)
    const seen = await within(20000, collect(client.watch('contoso', 'vm-offer', { ...fast, until: 'review' })), 'watch')
    const last = seen.at(-1)
    assert.equal(last.needsPublisherAction, true)
    assert.equal(last.isTerminal, false)
    assert.equal(last.currentStep.status, 'waitingForPublisherReview')

    const endless = client.watch('contoso', 'vm-offer', { ...fast, timeoutMs: 300 })
    await assert.rejects(within(10000, collect(endless), 'watch'), (e) => {
      assert.ok(e instanceof CloudPartnerError)
      assert.equal(e.kind, 'timeout')
      return true
    })
  })
})

test('transient errors do not end a watch; a 404 does', async () => {
  const offers = { done: { status: { status: 'succeeded' } } }
  const faults = [{ offerId: 'done', kind: 'status', status: 503, times: 2 }]
  await withEmulator({ scenario: scenario(offers, { faults }) }, async (emulator) => {
    const client = clientOf(emulator, { maxRetries: 0 })
    const seen = await within(10000, collect(client.watch('contoso', 'done', fast)), 'watch')
    assert.deepEqual(seen.map((s) => s.status), ['succeeded'])
    assert.equal(statusRequests(emulator).length, 3)
    await assert.rejects(collect(client.watch('contoso', 'missing', fast)), { kind: 'not_found', statusCode: 404 })
  })
})

test('break stops the polling', async () => {
  await withEmulator({ scenario: publishing(), timeScale: 1 }, async (emulator) => {
    const watch = clientOf(emulator).watch('contoso', 'vm-offer', { minIntervalMs: 10, maxIntervalMs: 10 })
    for await (const status of watch) {
      assert.equal(status.status, 'running')
      break
    }
    assert.deepEqual(await watch.next(), { done: true, value: undefined })
    const after = statusRequests(emulator).length
    assert.equal(after, 1)
    await sleep(300)
    assert.equal(statusRequests(emulator).length, after, 'requests went on after break')
  })
})

test('close() ends a waiting watch cleanly and at once; twice is fine', async () => {
  await withEmulator({ scenario: publishing(), timeScale: 1 }, async (emulator) => {
    const watch = clientOf(emulator).watch('contoso', 'vm-offer', { minIntervalMs: 60000 })
    const first = await watch.next()
    assert.equal(first.done, false)
    assert.equal(first.value.status, 'running')
    const pending = watch.next()
    await sleep(50)
    watch.close()
    watch.close()
    assert.deepEqual(await within(2000, pending, 'the pending next() after close()'), { done: true, value: undefined })
    assert.deepEqual(await watch.next(), { done: true, value: undefined })
    watch.close()
    assert.equal(statusRequests(emulator).length, 1)
  })
})

test('close() inside for await ends the loop without an error, and so does return()', async () => {
  await withEmulator({ scenario: publishing(), timeScale: 1 }, async (emulator) => {
    const watch = clientOf(emulator).watch('contoso', 'vm-offer', { minIntervalMs: 10, maxIntervalMs: 10 })
    const seen = []
    for await (const status of watch) {
      seen.push(status)
      watch.close()
    }
    assert.equal(seen.length, 1)
    const other = clientOf(emulator).watch('contoso', 'vm-offer')
    assert.equal(other[Symbol.asyncIterator](), other)
    assert.deepEqual(await other.return('bye'), { done: true, value: 'bye' })
    assert.deepEqual(await other.next(), { done: true, value: undefined })
    assert.equal(statusRequests(emulator).length, 1, 'a watch closed before its first next() sent a request')
  })
})

test('an AbortSignal ends a waiting watch promptly with an AbortError', async () => {
  await withEmulator({ scenario: publishing(), timeScale: 1 }, async (emulator) => {
    const controller = new AbortController()
    const seen = []
    const run = (async () => {
      for await (const status of clientOf(emulator).watch('contoso', 'vm-offer', { minIntervalMs: 60000, signal: controller.signal })) {
        seen.push(status)
        setTimeout(() => controller.abort(), 50)
      }
    })()
    await assert.rejects(within(5000, run, 'aborted watch'), (e) => {
      assert.ok(e instanceof CloudPartnerError)
      assert.equal(e.name, 'AbortError')
      assert.equal(e.kind, 'canceled')
      assert.equal(e.code, 'ERR_CLOUDPARTNER_CANCELED')
      return true
    })
    assert.equal(seen.length, 1)
    const after = statusRequests(emulator).length
    await sleep(200)
    assert.equal(statusRequests(emulator).length, after)
  })
})

test('an AbortSignal also cancels a request in flight, and an aborted signal stops at once', async () => {
  const faults = [{ kind: 'latency', ms: 30000 }]
  await withEmulator({ scenario: { ...publishing(), faults } }, async (emulator) => {
    const client = clientOf(emulator)
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('user gave up')), 100)
    await assert.rejects(within(5000, collect(client.watch('contoso', 'vm-offer', { signal: controller.signal })), 'aborted watch'), (e) => {
      assert.equal(e.name, 'AbortError')
      assert.equal(e.cause.message, 'user gave up')
      return true
    })
    const before = statusRequests(emulator).length
    await assert.rejects(collect(client.watch('contoso', 'vm-offer', { signal: AbortSignal.abort() })), { name: 'AbortError', kind: 'canceled' })
    assert.equal(statusRequests(emulator).length, before, 'an aborted signal still sent a request')
  })
})

test('bad watch options are invalid_argument errors, thrown before any request', () => {
  const client = new cloudpartner.Client({ baseUrl: 'http://127.0.0.1:9', token: 't' })
  const invalid = (message) => (e) => e instanceof CloudPartnerError && e.kind === 'invalid_argument' && message.test(e.message)
  assert.throws(() => client.watch('p', 'o', { until: 'forever' }), invalid(/forever/))
  for (const name of ['minIntervalMs', 'maxIntervalMs', 'timeoutMs']) {
    for (const value of [0, -5, NaN, Infinity]) {
      assert.throws(() => client.watch('p', 'o', { [name]: value }), invalid(new RegExp(name)), `${name}: ${value}`)
    }
  }
  assert.throws(() => client.watch('p', 'o', { minIntervalMs: 2000, maxIntervalMs: 1000 }), invalid(/min interval/))
  assert.throws(() => client.watch('', 'o'), invalid(/publisher id/))
  assert.ok(client.watch('p', 'o', { minIntervalMs: undefined, maxIntervalMs: null, timeoutMs: 1, until: 'review' }))
  assert.throws(() => client.watch('p', 'o', { minIntervalMs: '5' }), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' })
  assert.throws(() => client.watch('p', 'o', { interval: 5 }), { name: 'TypeError', message: /Unknown option "interval"/ })
})
