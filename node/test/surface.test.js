'use strict'
// The cross-language table of client-surface cases (fixtures/surface/cases.json, DESIGN
// §9), every case, through the Node interface: each against a default-scenario
// emulator, with exactly the case's environment variables (no other CLOUDPARTNER_*,
// AZURE_* or PATH), restored afterwards. Python, Rust, C and the CLI run the same table.

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { cloudpartner, within, withEnv } = require('./support')

const { Client, CloudPartnerError, Emulator, OfferStatus } = cloudpartner

const SURFACE = path.join(__dirname, '..', '..', 'fixtures', 'surface')
const TABLE = JSON.parse(fs.readFileSync(path.join(SURFACE, 'cases.json'), 'utf8'))
const FAKE_AZ_DIR = fs.realpathSync(path.join(SURFACE, 'bin'))

/** A case's string with the placeholders filled in. */
function fill(text, emulator) {
  return text.replaceAll('{token}', emulator.token).replaceAll('{base_url}', emulator.baseUrl).replaceAll('{fake_az_dir}', FAKE_AZ_DIR)
}

/** The `new Client()` options of a case. */
function clientOptions(c, emulator) {
  const given = c.client ?? {}
  const options = {}
  if (given.baseUrl !== undefined) options.baseUrl = fill(given.baseUrl, emulator)
  if (given.token !== undefined) options.token = fill(given.token, emulator)
  if (given.credentialToken !== undefined) {
    const token = fill(given.credentialToken, emulator)
    options.credential = { getToken: async () => ({ token, expiresOnTimestamp: Date.now() + 3600e3 }) }
  }
  return options
}

/** The `client.watch()` options of a case (its seconds as milliseconds). */
function watchOptions(c) {
  const given = c.watch ?? {}
  const ms = (seconds) => (seconds === undefined ? undefined : seconds * 1000)
  return { until: given.until, minIntervalMs: ms(given.minIntervalSeconds), timeoutMs: ms(given.timeoutSeconds) }
}

/** Runs a case's action; resolves when it worked, rejects with what failed. */
async function run(c, emulator) {
  const offer = c.watch?.offerId
  switch (c.action) {
    case 'status': {
      const status = await new Client(clientOptions(c, emulator)).offerStatus('contoso', 'live-offer')
      assert.ok(status instanceof OfferStatus)
      assert.equal(status.status, 'succeeded')
      assert.ok(emulator.requests().length >= 1)
      return
    }
    case 'watch': {
      const watch = new Client(clientOptions(c, emulator)).watch('contoso', offer, watchOptions(c))
      const first = await watch.next()
      watch.close()
      assert.equal(first.done, false)
      return
    }
    case 'watch-close-twice': {
      const watch = new Client(clientOptions(c, emulator)).watch('contoso', offer, watchOptions(c))
      const first = await watch.next()
      assert.equal(first.done, false)
      assert.ok(first.value instanceof OfferStatus)
      const pending = watch.next() // waits for the next poll: close() ends it at once
      watch.close()
      watch.close()
      assert.deepEqual(await within(2000, pending, 'a next() pending at close()'), { done: true, value: undefined })
      assert.deepEqual(await watch.next(), { done: true, value: undefined }, 'a closed watch has no more items')
      return
    }
    case 'emulator-stop-twice': {
      await new Client(clientOptions(c, emulator)).offerStatus('contoso', 'live-offer')
      await emulator.stop()
      await emulator.stop()
      assert.equal(emulator.requests().length, 1, 'the requests stay readable')
      return
    }
    case 'emulator-client-watch': {
      const started = performance.now()
      const client = emulator.client()
      assert.equal(client.pollTimeScale, c.emulator.timeScale)
      let last
      for await (const status of client.watch('contoso', offer, watchOptions(c))) last = status
      assert.ok(last, 'the watch yielded nothing')
      assert.ok(last.needsPublisherAction || last.isTerminal, last.toJson())
      const seconds = (performance.now() - started) / 1000
      assert.ok(seconds < c.expect.withinSeconds, `took ${seconds.toFixed(1)} s`)
      return
    }
    default:
      throw new Error(`unknown action ${c.action}`)
  }
}

test('the table has every case', () => {
  assert.ok(TABLE.cases.length >= 11, `only ${TABLE.cases.length} cases`)
  assert.equal(new Set(TABLE.cases.map((c) => c.id)).size, TABLE.cases.length)
})

for (const c of TABLE.cases) {
  test(`surface case ${c.id}: ${c.about}`, async () => {
    const emulator = await Emulator.start(c.emulator?.timeScale ? { timeScale: c.emulator.timeScale } : undefined)
    try {
      const env = Object.fromEntries(Object.entries(c.env ?? {}).map(([name, value]) => [name, fill(value, emulator)]))
      let outcome = null
      await withEnv(env, async () => {
        try {
          await run(c, emulator)
        } catch (error) {
          if (error instanceof assert.AssertionError) throw error
          outcome = error
        }
      })
      const expect = c.expect
      if (expect.ok) {
        assert.equal(outcome, null, `expected success, got ${outcome && outcome.stack}`)
        return
      }
      assert.ok(outcome instanceof CloudPartnerError, `expected a CloudPartnerError of kind ${expect.kind}, got ${outcome && outcome.stack}`)
      assert.equal(outcome.kind, expect.kind, outcome.message)
      assert.equal(outcome.code, `ERR_CLOUDPARTNER_${expect.kind.toUpperCase()}`)
      for (const part of expect.messageIncludes ?? []) assert.ok(outcome.message.includes(part), `no "${part}" in ${outcome.message}`)
    } finally {
      await emulator.stop()
    }
  })
}
