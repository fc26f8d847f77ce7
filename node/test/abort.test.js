'use strict'
// AbortSignal on every call that makes a request: an abort rejects at once with an
// AbortError-compatible CloudPartnerError (name 'AbortError', kind 'canceled', the
// signal's reason as cause), the request is dropped and no retry follows; an aborted
// signal rejects before any request.

const test = require('node:test')
const assert = require('node:assert/strict')
const { cloudpartner, sleep, within, withEmulator } = require('./support')

const { CloudPartnerError, parseOffer } = cloudpartner

const P = 'contoso'
const O = 'vm-release'

/** Every kind of call, given a client and the offer read before. */
const CALLS = {
  offerStatus: (c, signal) => c.offerStatus(P, O, { signal }),
  offerStatuses: (c, signal) => c.offerStatuses(P, [O, 'live-offer'], { concurrency: 2, signal }),
  publishers: (c, signal) => c.publishers({ signal }),
  offers: (c, signal) => c.offers(P, { signal }),
  offer: (c, signal) => c.offer(P, O, { slot: 'draft', signal }),
  putOffer: (c, signal, { offer }) => c.putOffer(offer, { signal }),
  publish: (c, signal) => c.publish(P, O, { notificationEmails: ['a@contoso.com'], signal }),
  goLive: (c, signal) => c.goLive(P, O, { signal }),
  cancel: (c, signal) => c.cancel(P, O, { signal }),
  operations: (c, signal) => c.operations(P, O, { state: 'running', signal }),
  operation: (c, signal, { ref }) => c.operation(P, O, ref.id, { signal }),
  operationAt: (c, signal, { ref }) => c.operationAt(ref, { signal }),
  release: (c, signal) =>
    c.release({ publisherId: P, offerId: O, plan: 'standard', version: '2.0.0', osVhdUrl: 'https://a.blob.core.windows.net/v/2.vhd' }, { signal }),
  watch: async (c, signal) => {
    for await (const status of c.watch(P, O, { signal })) void status
  },
}

/** Asserts the error is what an aborted call rejects with. */
function isAbortError(error, reason) {
  assert.ok(error instanceof CloudPartnerError, `not a CloudPartnerError: ${error && error.stack}`)
  assert.equal(error.name, 'AbortError')
  assert.equal(error.kind, 'canceled')
  assert.equal(error.code, 'ERR_CLOUDPARTNER_CANCELED')
  if (reason !== undefined) assert.equal(error.cause, reason)
  return true
}

const apiRequests = (emulator) => emulator.requests().filter((r) => r.path.startsWith('/api/'))

test('every call has its abortable form', () => {
  const methods = Object.getOwnPropertyNames(cloudpartner.Client.prototype).filter((name) => name !== 'constructor')
  const getters = ['baseUrl', 'apiVersion', 'credentialSource', 'pollTimeScale']
  assert.deepEqual(methods.filter((m) => !getters.includes(m)).sort(), Object.keys(CALLS).sort())
})

for (const [name, run] of Object.entries(CALLS)) {
  test(`aborting ${name} while its request is in flight`, async () => {
    await withEmulator(undefined, async (emulator) => {
      const client = emulator.client({ maxRetries: 0 })
      const offer = await client.offer(P, O)
      const ref = name.startsWith('operation') ? await client.publish(P, O) : { url: '/', id: 'none' }
      emulator.addFault({ kind: 'latency', ms: 5000 })
      const before = apiRequests(emulator).length
      const controller = new AbortController()
      const reason = new Error('enough')
      const started = Date.now()
      const pending = run(client, controller.signal, { offer, ref })
      await sleep(150)
      assert.ok(apiRequests(emulator).length > before, 'the request went out')
      controller.abort(reason)
      await assert.rejects(within(2000, pending, `${name} after abort()`), (e) => isAbortError(e, reason))
      assert.ok(Date.now() - started < 2500, 'rejected at once, not after the latency')
    })
  })

  test(`${name} with an aborted signal sends nothing`, async () => {
    await withEmulator(undefined, async (emulator) => {
      const client = emulator.client()
      const offer = parseOffer(JSON.stringify({ id: O, publisherId: P }))
      const ref = { url: `${emulator.baseUrl}/api/publishers/${P}/offers/${O}/operations/x`, id: 'x' }
      const before = apiRequests(emulator).length
      const signal = AbortSignal.abort()
      await assert.rejects(run(client, signal, { offer, ref }), (e) => isAbortError(e, signal.reason))
      await sleep(50)
      assert.equal(apiRequests(emulator).length, before)
    })
  })
}

test('an abort during the backoff drops the retries still to come', async () => {
  const faults = [{ route: 'status', kind: 'status', status: 503 }]
  await withEmulator({ scenario: { publishers: { [P]: { offers: { o: { status: { status: 'running' } } } } }, faults } }, async (emulator) => {
    const client = emulator.client({ maxRetries: 4 })
    const controller = new AbortController()
    const pending = client.offerStatus(P, 'o', { signal: controller.signal })
    await sleep(100)
    const sent = apiRequests(emulator).length
    assert.ok(sent >= 1)
    controller.abort()
    await assert.rejects(pending, (e) => isAbortError(e))
    await sleep(1500)
    assert.equal(apiRequests(emulator).length, sent, 'a retry went out after the abort')
  })
})

test('AbortSignal.timeout ends a slow write with an AbortError, its TimeoutError as cause', async () => {
  await withEmulator(undefined, async (emulator) => {
    const client = emulator.client()
    emulator.addFault({ kind: 'latency', ms: 5000, route: 'publish' })
    const signal = AbortSignal.timeout(100)
    await assert.rejects(client.publish(P, O, { signal }), (e) => {
      isAbortError(e)
      assert.equal(e.cause.name, 'TimeoutError')
      return true
    })
    // The write was dropped before the emulator acted: the offer was not published.
    await sleep(50)
    assert.equal((await client.offerStatus(P, O)).status, 'neverPublished')
  })
})

test('a signal that fires after the answer changes nothing', async () => {
  await withEmulator(undefined, async (emulator) => {
    const client = emulator.client()
    const controller = new AbortController()
    const status = await client.offerStatus(P, 'live-offer', { signal: controller.signal })
    controller.abort()
    assert.equal(status.status, 'succeeded')
    const offers = await client.offers(P, { signal: controller.signal }).catch((e) => e)
    assert.ok(isAbortError(offers))
  })
})

test('a signal that is not an AbortSignal is a TypeError', () => {
  const client = new cloudpartner.Client({ baseUrl: 'http://127.0.0.1:9', token: 't' })
  assert.throws(() => client.offers(P, { signal: {} }), { name: 'TypeError', message: /options.signal/ })
  assert.throws(() => client.publishers({ signal: 'abort' }), { name: 'TypeError', message: /options.signal/ })
  assert.throws(() => client.goLive(P, O, { sginal: AbortSignal.abort() }), { name: 'TypeError', message: /Unknown option "sginal"/ })
})
