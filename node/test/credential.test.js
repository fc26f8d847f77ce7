'use strict'
// credential: any object with @azure/identity's TokenCredential shape. The core
// caches its token: a fresh token is asked for once.

const test = require('node:test')
const assert = require('node:assert/strict')
const { cloudpartner, withEmulator } = require('./support')

const { Client, CloudPartnerError } = cloudpartner
const SCOPE = 'https://cloudpartner.azure.com/.default'

/** A TokenCredential that counts its calls; tokens live `lifetimeMs`. */
function countingCredential(token, lifetimeMs) {
  const credential = {
    calls: [],
    async getToken(scopes) {
      credential.calls.push(scopes)
      await new Promise((resolve) => setTimeout(resolve, 5))
      return { token: typeof token === 'function' ? token(credential.calls.length) : token, expiresOnTimestamp: Date.now() + lifetimeMs }
    },
  }
  return credential
}

test('a fresh token is asked for once and shared by concurrent calls', async () => {
  await withEmulator(undefined, async (emulator) => {
    const credential = countingCredential(emulator.token, 60 * 60 * 1000)
    const client = new Client({ baseUrl: emulator.baseUrl, credential })
    const statuses = await Promise.all(['live-offer', 'running-offer', 'failed-offer'].map((o) => client.offerStatus('contoso', o)))
    assert.deepEqual(statuses.map((s) => s.status), ['succeeded', 'running', 'failed'])
    await client.offerStatus('contoso', 'live-offer')
    assert.equal(credential.calls.length, 1)
    assert.deepEqual(credential.calls[0], [SCOPE])
    const authorizations = emulator.requests().map((r) => r.headers.authorization)
    assert.ok(authorizations.every((a) => a === `Bearer ${emulator.token}`))
  })
})

test('a token about to expire is asked for again', async () => {
  await withEmulator(undefined, async (emulator) => {
    const credential = countingCredential(emulator.token, 60 * 1000)
    const client = new Client({ baseUrl: emulator.baseUrl, credential })
    await client.offerStatus('contoso', 'live-offer')
    await client.offerStatus('contoso', 'live-offer')
    assert.equal(credential.calls.length, 2)
  })
})

test('a refused token is replaced once by a new one', async () => {
  await withEmulator(undefined, async (emulator) => {
    const credential = countingCredential((n) => (n === 1 ? 'stale-token' : emulator.token), 60 * 60 * 1000)
    const client = new Client({ baseUrl: emulator.baseUrl, credential })
    assert.equal((await client.offerStatus('contoso', 'live-offer')).status, 'succeeded')
    assert.equal(credential.calls.length, 2)
  })
})

test('a credential that fails gives an authentication error saying why', async () => {
  await withEmulator(undefined, async (emulator) => {
    const cases = [
      [{ getToken: async () => { throw new Error('no identity available') } }, /no identity available/],
      [{ getToken: () => { throw new Error('thrown synchronously') } }, /thrown synchronously/],
      [{ getToken: async () => null }, /returned no token/],
      [{ getToken: async () => ({ token: 42 }) }, /no "token" string/],
      [{ getToken: async () => ({ token: 't', expiresOnTimestamp: 'soon' }) }, /expiresOnTimestamp/],
    ]
    for (const [credential, message] of cases) {
      const client = new Client({ baseUrl: emulator.baseUrl, credential })
      await assert.rejects(client.offerStatus('contoso', 'live-offer'), (e) => {
        assert.ok(e instanceof CloudPartnerError, String(e))
        assert.equal(e.kind, 'authentication')
        assert.match(e.message, message)
        return true
      })
    }
    const batch = await new Client({ baseUrl: emulator.baseUrl, credential: cases[0][0] }).offerStatuses('contoso', ['a', 'b'])
    assert.ok(batch.every((r) => r.error.kind === 'authentication'))
  })
})

test('a class instance with a getToken method works, as @azure/identity credentials are', async () => {
  class VaultCredential {
    constructor(token) {
      this.secret = token
    }

    async getToken(scopes) {
      assert.ok(Array.isArray(scopes))
      return { token: this.secret, expiresOnTimestamp: Date.now() + 3600e3 }
    }
  }
  await withEmulator(undefined, async (emulator) => {
    const client = new Client({ baseUrl: emulator.baseUrl, credential: new VaultCredential(emulator.token) })
    assert.equal((await client.offerStatus('contoso', 'review-offer')).needsPublisherAction, true)
  })
})
