'use strict'
// Emulator.start(): scenarios as an object, JSON text or a file; faults and documents
// added at run time; clear errors for a bad scenario; stop(); its own client().

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { cloudpartner, clientOf, scenario, statusRequests, withEmulator, withEnv } = require('./support')

const { Client, CloudPartnerError, Emulator } = cloudpartner

const fixed = scenario({ 'fixed-offer': { status: { status: 'succeeded', steps: [] } } }, { token: 't0k3n' })

test('the default scenario serves contoso on 127.0.0.1', async () => {
  await withEmulator(undefined, async (emulator) => {
    assert.match(emulator.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/)
    assert.equal(emulator.token, 'emulator-token')
    const client = clientOf(emulator)
    const states = {}
    for (const offer of ['never-published', 'not-started', 'review-offer', 'running-offer', 'live-offer', 'canceled-offer', 'failed-offer']) {
      states[offer] = (await client.offerStatus('contoso', offer)).status
    }
    assert.deepEqual(states, {
      'never-published': 'neverPublished',
      'not-started': 'notStarted',
      'review-offer': 'waitingForPublisherReview',
      'running-offer': 'running',
      'live-offer': 'succeeded',
      'canceled-offer': 'canceled',
      'failed-offer': 'failed',
    })
  })
})

test('a scenario can be an object, JSON text or a file path', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudpartner-'))
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }))
  const file = path.join(dir, 'scenario.json')
  fs.writeFileSync(file, JSON.stringify(fixed))
  for (const given of [fixed, JSON.stringify(fixed, null, 2), file]) {
    await withEmulator({ scenario: given }, async (emulator) => {
      assert.equal(emulator.token, 't0k3n')
      const status = await clientOf(emulator).offerStatus('contoso', 'fixed-offer')
      assert.equal(status.status, 'succeeded')
    })
  }
})

test('a bad scenario rejects with invalid_argument naming the field', async () => {
  const bad = scenario({ x: { publish: { steps: [{ id: 's', stepName: 'S', durationSeconds: 'long' }] } } })
  await assert.rejects(Emulator.start({ scenario: bad }), (e) => {
    assert.ok(e instanceof CloudPartnerError)
    assert.equal(e.kind, 'invalid_argument')
    assert.match(e.message, /durationSeconds/)
    return true
  })
  await assert.rejects(Emulator.start({ scenario: '/no/such/scenario.json' }), { kind: 'invalid_argument', message: /no\/such\/scenario\.json/ })
  for (const timeScale of [-1, 0, NaN]) {
    await assert.rejects(Emulator.start({ timeScale }), { name: 'CloudPartnerError', kind: 'invalid_argument', message: /time scale/ })
  }
  await assert.rejects(Emulator.start({ scenario: 42 }), { name: 'TypeError' })
  await assert.rejects(Emulator.start({ timeScale: '2' }), { name: 'TypeError' })
})

test('faults and documents can be added while it runs, and requests are recorded', async () => {
  await withEmulator({ scenario: fixed }, async (emulator) => {
    const client = clientOf(emulator, { maxRetries: 0 })
    emulator.setOfferStatus('contoso', 'late-offer', { status: 'running', steps: [{ id: 'a', status: 'inProgress' }] })
    assert.equal((await client.offerStatus('contoso', 'late-offer')).currentStep.id, 'a')
    emulator.addFault({ kind: 'status', status: 503, times: 1 })
    await assert.rejects(client.offerStatus('contoso', 'fixed-offer'), { kind: 'server', statusCode: 503 })
    assert.equal((await client.offerStatus('contoso', 'fixed-offer')).status, 'succeeded')
    const requests = emulator.requests()
    assert.equal(requests.length, 3)
    assert.equal(requests[0].method, 'GET')
    assert.equal(requests[0].path, '/api/publishers/contoso/offers/late-offer/status')
    assert.equal(requests[0].query, 'api-version=2017-10-31')
    assert.match(requests[0].headers['user-agent'], /^cloudpartner\/\d+\.\d+\.\d+ \(node\)$/)
    assert.throws(() => emulator.addFault({ kind: 'explode' }), { kind: 'invalid_argument' })
  })
})

test('stop() is idempotent, the server is gone afterwards, and its requests stay readable', async () => {
  const emulator = await Emulator.start({ scenario: fixed })
  const client = clientOf(emulator, { maxRetries: 0 })
  assert.equal((await client.offerStatus('contoso', 'fixed-offer')).status, 'succeeded')
  await emulator.stop()
  await Promise.all([emulator.stop(), emulator.stop()])
  await assert.rejects(client.offerStatus('contoso', 'fixed-offer'), { kind: 'transport' })
  const requests = emulator.requests()
  assert.equal(requests.length, 1)
  assert.equal(requests[0].path, '/api/publishers/contoso/offers/fixed-offer/status')
  assert.equal(emulator.token, 't0k3n')
  assert.match(emulator.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/)
})

test('client() is a ready Client of the emulator, polling on its clock', async () => {
  await withEnv({}, async () => {
    await withEmulator({ timeScale: 2000 }, async (emulator) => {
      assert.equal(emulator.timeScale, 2000)
      const client = emulator.client()
      assert.ok(client instanceof Client)
      assert.equal(client.baseUrl, `${emulator.baseUrl}/`)
      assert.equal(client.pollTimeScale, 2000)
      assert.equal(client.credentialSource, 'the token given')
      assert.equal((await client.offerStatus('contoso', 'live-offer')).status, 'succeeded')
      const [request] = emulator.requests()
      assert.equal(request.headers.authorization, `Bearer ${emulator.token}`)
      assert.match(request.headers['user-agent'], /\(node\)$/)

      // Options are laid over the emulator's: here a wrong token, then a credential.
      await assert.rejects(emulator.client({ token: 'wrong', maxRetries: 0 }).offerStatus('contoso', 'live-offer'), { kind: 'authentication', statusCode: 401 })
      const credential = { getToken: async () => ({ token: emulator.token, expiresOnTimestamp: Date.now() + 3600e3 }) }
      const withCredential = emulator.client({ credential })
      assert.equal(withCredential.credentialSource, 'the credential given')
      assert.equal((await withCredential.offerStatus('contoso', 'live-offer')).status, 'succeeded')
      assert.throws(() => emulator.client({ timeoutMs: 0 }), { kind: 'invalid_argument' })
      assert.throws(() => emulator.client({ timeout: 1 }), { name: 'TypeError' })
      assert.equal(statusRequests(emulator).length, 3)
    })
  })
})
