// The package loads as an ES module and as CommonJS, by its name, with the same
// objects either way; and a script using it exits by itself (the addon keeps no
// handle open once nothing is pending).

import test from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { execFileSync } from 'node:child_process'
import cloudpartnerDefault, * as esm from 'cloudpartner'

const { Client, Emulator } = esm
const NAMES = [
  'Client', 'CloudPartnerError', 'ERROR_KINDS', 'Emulator', 'IngestionClient', 'Offer', 'OfferStatus', 'Operation',
  'ingestion', 'parseOffer', 'parseOfferStatus', 'parseOffers', 'parseOperation', 'parseOperations',
]

const require = createRequire(import.meta.url)

test('import and require give the same objects', () => {
  const cjs = require('cloudpartner')
  for (const name of NAMES) {
    assert.ok(esm[name] !== undefined, `${name} is not exported`)
    assert.equal(esm[name], cjs[name], name)
  }
  assert.equal(cloudpartnerDefault, cjs)
  assert.equal(esm.IngestionClient, esm.ingestion.IngestionClient)
  assert.equal(esm.ingestion, cjs.ingestion)
  assert.ok(esm.ERROR_KINDS.includes('conflict'))
  assert.deepEqual(Object.keys(cjs).sort(), [...NAMES].sort())
  assert.deepEqual(Object.keys(esm).filter((k) => k !== 'default').sort(), [...NAMES].sort())
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

test('an ES module reads a product through the Product Ingestion API', async () => {
  const emulator = await Emulator.start({ timeScale: 1e6 })
  try {
    const client = new esm.IngestionClient({ baseUrl: emulator.ingestionBaseUrl, token: emulator.token })
    const status = await client.productStatus('vm-release')
    assert.equal(status.stage, 'live')
  } finally {
    await emulator.stop()
  }
})

test('a CommonJS script with a credential and an open client exits on its own', () => {
  const out = execFileSync(process.execPath, ['-e', script(`
    const emulator = await Emulator.start()
    const credential = { getToken: async () => ({ token: emulator.token, expiresOnTimestamp: Date.now() + 3600e3 }) }
    const client = new Client({ baseUrl: emulator.baseUrl, credential })
    const status = await client.offerStatus('contoso', 'live-offer')
    console.log(status.status)
    const ingestion = emulator.ingestionClient()
    console.log((await ingestion.productStatus('vm-release')).stage)
    globalThis.keep = { client, emulator, ingestion }
  `)], { cwd: new URL('..', import.meta.url), timeout: 20000, encoding: 'utf8' })
  assert.equal(out.trim(), 'succeeded\nlive')
})

test('an ES module script runs with --input-type=module', () => {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', `
    import { parseOfferStatus } from 'cloudpartner'
    console.log(parseOfferStatus('{"status":"running"}').status)
  `], { cwd: new URL('..', import.meta.url), timeout: 20000, encoding: 'utf8' })
  assert.equal(out.trim(), 'running')
})
