'use strict'
// ingestionClient.release() against the emulator: the core's Product Ingestion release
// run by the addon, its events handed to onProgress in order. To live, stopped at
// review, a certification failure (outcome 'failed' with the nested errors), a dry run,
// resumed after an interruption (onProgress throwing at a phase; the emulator's log
// shows one technical configuration sent and one preview), and an abort.

const test = require('node:test')
const assert = require('node:assert/strict')
const { inspect } = require('node:util')
const { cloudpartner, within, withEmulator } = require('./support')
const addon = require('../lib/addon')

const { CloudPartnerError } = cloudpartner
const SECRET = 's3cr3tSIG'
const OS_DISK = `https://contoso.blob.core.windows.net/vhds/2.0.0.vhd?sv=2024-08-04&sr=b&sig=${SECRET}`
const FAST = { timeScale: 1e6 }
const WAITS = { minIntervalMs: 1, maxIntervalMs: 20, timeoutMs: 60_000 }
const tables = addon.tables()

const request = (offerId, extra = {}) => ({ offerId, plan: 'standard', version: '2.0.0', osDiskUri: OS_DISK, ...extra })

async function releaseWith(client, req, options = {}) {
  const events = []
  const result = await client.release(req, { ...WAITS, ...options, onProgress: (e) => events.push(e) })
  return { result, events }
}

/** The events as 'phase kind', repeated statuses collapsed. */
function outline(events) {
  const lines = []
  for (const e of events) {
    const line = `${e.phase} ${e.kind}`
    if (lines.at(-1) !== line) lines.push(line)
  }
  return lines
}

/** The configure requests' resource types (`submission:preview`, ...). */
function configures(emulator) {
  return emulator
    .requests()
    .filter((r) => r.method === 'POST' && /\/configure\/?$/.test(r.path))
    .flatMap((r) =>
      JSON.parse(r.body.toString()).resources.map((res) => {
        const type = res.$schema.split('/schema/')[1].split('/')[0]
        return res.target ? `${type}:${res.target.targetType}` : type
      }),
    )
}

const techConfigs = (emulator) => configures(emulator).filter((t) => t.includes('technical-configuration')).length
const previews = (emulator) => configures(emulator).filter((t) => t === 'submission:preview').length

test('a release to live: every phase in order, statuses while waiting, the live tree holds the version', async () => {
  await withEmulator(FAST, async (emulator) => {
    const client = emulator.ingestionClient()
    const { result, events } = await releaseWith(client, request('vm-release', { goLive: true }))
    assert.equal(result.outcome, 'live')
    assert.equal(result.status.stage, 'live')
    assert.equal(result.diff, null)
    assert.equal(result.job, null)
    assert.deepEqual(outline(events), [
      'read phase_started', 'read phase_finished',
      'change phase_started', 'change phase_finished',
      'write phase_started', 'write phase_finished',
      'publish phase_started', 'publish phase_finished',
      'review phase_started', 'review status', 'review phase_finished',
      'go-live phase_started', 'go-live phase_finished',
      'live phase_started', 'live status',
    ])
    for (const e of events) {
      assert.ok(tables.releasePhases.includes(e.phase), e.phase)
      assert.ok(tables.releaseEventKinds.includes(e.kind), e.kind)
      if (e.kind === 'status') assert.ok(tables.productStages.includes(e.status.stage))
      if (e.kind === 'phase_finished') {
        assert.equal(typeof e.summary, 'string')
        assert.equal(typeof e.fields, 'object')
      }
    }
    assert.doesNotMatch(inspect(events, { depth: 10 }), new RegExp(SECRET))
    assert.match(events.find((e) => e.phase === 'change' && e.kind === 'phase_finished').summary, /sig=REDACTED/)
    const live = await client.resourceTree('vm-release', { target: 'live' })
    assert.deepEqual(live.technicalConfiguration('standard').vmImageVersions().map((v) => v.versionNumber), ['1.0.0', '2.0.0'])
    assert.deepEqual([techConfigs(emulator), previews(emulator)], [1, 1])
  })
})

test('without goLive it stops at review', async () => {
  await withEmulator(FAST, async (emulator) => {
    const { result, events } = await releaseWith(emulator.ingestionClient(), request('vm-new', { gen2OsDiskUri: OS_DISK.replace('2.0.0.vhd', 'gen2.vhd') }))
    assert.equal(result.outcome, 'at_review')
    assert.equal(result.status.stage, 'waiting_for_go_live')
    assert.ok(!events.some((e) => e.phase === 'go-live'))
    assert.ok(!configures(emulator).includes('submission:live'))
  })
})

test('a certification failure is the failed outcome, with the job and its nested errors', async () => {
  const scenario = { ingestion: { products: { 'vm-cert': { plans: { standard: { skus: [{ imageType: 'x64Gen2', skuId: 'standard' }] } }, preview: { seconds: 3600, outcome: 'certificationFailed' } } } } }
  await withEmulator({ ...FAST, scenario }, async (emulator) => {
    const { result } = await releaseWith(emulator.ingestionClient(), request('vm-cert', { goLive: true }))
    assert.equal(result.outcome, 'failed')
    assert.equal(result.phase, 'review')
    assert.equal(result.status.stage, 'preview_failed')
    assert.equal(result.job.result, 'failed')
    assert.equal(result.job.isCertificationFailure, true)
    const lines = result.job.errors.flatMap((e) => e.lines)
    assert.ok(lines.some((l) => l.startsWith('  ')), 'nested')
    assert.ok(result.job.errors.some((e) => e.details.some((d) => d.isCertification)))
    assert.ok(!configures(emulator).includes('submission:live'))
  })
})

test('a dry run gives the diff and sends nothing', async () => {
  await withEmulator(FAST, async (emulator) => {
    const { result } = await releaseWith(emulator.ingestionClient(), request('vm-release', { dryRun: true, dataDisks: [{ lun: 0, uri: OS_DISK }] }))
    assert.equal(result.outcome, 'dry_run')
    assert.match(result.diff, /2\.0\.0/)
    assert.doesNotMatch(result.diff, new RegExp(SECRET))
    assert.ok(emulator.requests().every((r) => r.method === 'GET'))
  })
})

// onProgress runs on the JavaScript thread, after the core sent the event: its throw
// stops the release at the next await, possibly after the phase's first request.
for (const phase of ['publish', 'review']) {
  test(`resumed after onProgress threw when ${phase} started: one technical configuration sent, one preview`, async () => {
    await withEmulator(FAST, async (emulator) => {
      const client = emulator.ingestionClient()
      const stop = new Error(`stop at ${phase}`)
      await assert.rejects(
        client.release(request('vm-release', { goLive: true }), {
          ...WAITS,
          onProgress: (e) => {
            if (e.kind === 'phase_started' && e.phase === phase) throw stop
          },
        }),
        (e) => e === stop,
      )
      const { result, events } = await releaseWith(client, request('vm-release', { goLive: true }))
      assert.equal(result.outcome, 'live')
      assert.deepEqual([techConfigs(emulator), previews(emulator)], [1, 1], String(configures(emulator)))
      const summaries = events.filter((e) => e.kind === 'phase_finished').map((e) => e.summary)
      assert.ok(summaries.some((s) => /not sent again/.test(s)), String(summaries))
    })
  })
}

test('a release is aborted by its signal: an AbortError at once, nothing more sent', async () => {
  const scenario = { ingestion: { products: { 'vm-slow': { plans: { standard: {} }, preview: { seconds: 1e9 } } } } }
  await withEmulator({ timeScale: 1000, scenario }, async (emulator) => {
    const client = emulator.ingestionClient()
    const controller = new AbortController()
    const phases = []
    const running = client.release(request('vm-slow', { goLive: true }), {
      ...WAITS,
      signal: controller.signal,
      onProgress: (e) => {
        phases.push(`${e.phase} ${e.kind}`)
        if (e.phase === 'review' && e.kind === 'status') controller.abort()
      },
    })
    await within(5000, assert.rejects(running, (e) => e instanceof CloudPartnerError && e.kind === 'canceled' && e.name === 'AbortError'), 'the aborted release')
    assert.ok(phases.includes('review phase_started'), String(phases))
    const sent = emulator.requests().length
    await new Promise((resolve) => setTimeout(resolve, 100))
    assert.equal(emulator.requests().length, sent, 'nothing sent after the abort')
    assert.ok(!configures(emulator).includes('submission:live'))
  })
})

test('bad requests are refused before anything is sent', async () => {
  await withEmulator(FAST, async (emulator) => {
    const client = emulator.ingestionClient()
    assert.throws(() => client.release({ offerId: 'vm-release' }), { name: 'TypeError' })
    assert.throws(() => client.release(request('vm-release', { osVhdUrl: 'x' })), { name: 'TypeError', code: 'ERR_INVALID_ARG_VALUE' })
    await assert.rejects(client.release(request('vm-release', { version: '2.0' })), { kind: 'invalid_argument' })
    await assert.rejects(client.release(request('vm-release'), { timeoutMs: 0 }), { kind: 'invalid_argument' })
    await assert.rejects(client.release(request('vm-release', { plan: 'gold' })), (e) => e.kind === 'invalid_argument' && /standard/.test(e.message))
    assert.ok(emulator.requests().every((r) => r.method === 'GET'))
  })
})
