// The package loads as an ES module and as CommonJS, by its name, with the same
// objects either way; and a script using it exits by itself (the addon keeps no
// handle open once nothing is pending).

import test from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { execFileSync } from 'node:child_process'
import cloudpartnerDefault, { Client, CloudPartnerError, Emulator, ERROR_KINDS, OfferStatus, parseOfferStatus } from 'cloudpartner'

const require = createRequire(import.meta.url)

test('import and require give the same objects', () => {
  const cjs = require('cloudpartner')
  assert.equal(Client, cjs.Client)
  assert.equal(CloudPartnerError, cjs.CloudPartnerError)
  assert.equal(Emulator, cjs.Emulator)
  assert.equal(OfferStatus, cjs.OfferStatus)
  assert.equal(parseOfferStatus, cjs.parseOfferStatus)
  assert.equal(cloudpartnerDefault, cjs)
  assert.equal(ERROR_KINDS, cjs.ERROR_KINDS)
  assert.ok(ERROR_KINDS.includes('conflict'))
  assert.deepEqual(Object.keys(cjs).sort(), ['Client', 'CloudPartnerError', 'ERROR_KINDS', 'Emulator', 'OfferStatus', 'parseOfferStatus'])
})

test('an ES module fetches from the emulator', async () => {
  const emulator = await Emulator.start()
  try {
    const client = new Client({ baseUrl: emulator.baseUrl, token: emulator.token })
    const status = await client.offerStatus('contoso', 'live-offer')
    assert.equal(status.status, 'succeeded')
  } finally {
    await emulator.stop()
  }
})

const script = (body) => `
  const { Client, Emulator } = require('cloudpartner')
  ;(async () => { ${body} })().catch((e) => { console.error(e); process.exit(1) })
`

test('a CommonJS script with a credential and an open client exits on its own', () => {
  const out = execFileSync(process.execPath, ['-e', script(`
    const emulator = await Emulator.start()
    const credential = { getToken: async () => ({ token: emulator.token, expiresOnTimestamp: Date.now() + 3600e3 }) }
    const client = new Client({ baseUrl: emulator.baseUrl, credential })
    const status = await client.offerStatus('contoso', 'live-offer')
    console.log(status.status)
    globalThis.keep = { client, emulator }
  `)], { cwd: new URL('..', import.meta.url), timeout: 20000, encoding: 'utf8' })
  assert.equal(out.trim(), 'succeeded')
})

test('an ES module script runs with --input-type=module', () => {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', `
    import { parseOfferStatus } from 'cloudpartner'
    console.log(parseOfferStatus('{"status":"running"}').status)
  `], { cwd: new URL('..', import.meta.url), timeout: 20000, encoding: 'utf8' })
  assert.equal(out.trim(), 'running')
})
