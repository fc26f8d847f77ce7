'use strict'
// client.release() against the emulator: the core's release workflow run by the addon,
// its progress events handed to onProgress in order. A whole release to live, one that
// stops at review, a rejected publish (outcome 'failed'), a dry run (the diff, GETs
// only), an AbortSignal, and errors that name their phase.

const test = require('node:test')
const assert = require('node:assert/strict')
const { cloudpartner, withEmulator } = require('./support')
const addon = require('../lib/addon')

const { CloudPartnerError, OfferStatus } = cloudpartner

const P = 'contoso'
const O = 'vm-release'
const SECRET = 's3cr3tSIG'
const OS_DISK = `https://example.blob.core.windows.net/v/os-2.0.0.vhd?sv=2024-08-04&sr=b&sig=${SECRET}`
const FAST = { timeScale: 100_000 }
const tables = addon.tables()

/** A request for image 2.0.0 of plan standard. */
const request = (extra = {}) => ({ publisherId: P, offerId: O, plan: 'standard', version: '2.0.0', osVhdUrl: OS_DISK, ...extra })

/** Runs a release, gathering its events. */
async function releaseWith(client, req, options = {}) {
  const events = []
  const result = await client.release(req, { minIntervalMs: 1, maxIntervalMs: 50, timeoutMs: 60_000, ...options, onProgress: (e) => events.push(e) })
  return { result, events }
}

/** The events as 'phase kind', the statuses of a phase collapsed into one 'phase status'. */
function outline(events) {
  const lines = []
  for (const e of events) {
    const line = `${e.phase} ${e.kind}`
    if (e.kind === 'status' && lines.at(-1) === line) continue
    lines.push(line)
  }
  return lines
}

test('a whole release to live, its events in order', async () => {
  await withEmulator(FAST, async (emulator) => {
    const { result, events } = await releaseWith(emulator.client(), request({ goLive: true, notificationEmails: ['release@contoso.com'] }))
    assert.equal(result.outcome, 'live')
    assert.ok(result.status instanceof OfferStatus)
    assert.equal(result.status.status, 'succeeded')
    assert.equal(result.diff, null)
    assert.deepEqual(outline(events), [
      'read phase_started',
      'read phase_finished',
      'change phase_started',
      'change phase_finished',
      'write phase_started',
      'write phase_finished',
      'publish phase_started',
      'publish phase_finished',
      'review phase_started',
      'review status',
      'review phase_finished',
      'go-live phase_started',
      'go-live phase_finished',
      'live phase_started',
      'live status',
    ])
    for (const e of events) {
      assert.ok(tables.releaseEventKinds.includes(e.kind), e.kind)
      assert.ok(tables.releasePhases.includes(e.phase), e.phase)
      if (e.kind === 'phase_finished') {
        assert.equal(typeof e.summary, 'string')
        assert.equal(typeof e.fields, 'object')
      } else assert.equal(e.summary, undefined)
      if (e.kind === 'status') assert.ok(e.status instanceof OfferStatus)
      else assert.equal(e.status, undefined)
    }
    const write = events.find((e) => e.phase === 'write' && e.kind === 'phase_finished')
    assert.equal(write.fields.version, 2)
    assert.equal(write.summary, 'offer version 2 written')
    const publish = events.find((e) => e.phase === 'publish' && e.kind === 'phase_finished')
    assert.match(publish.fields.operation.id, /\S/)
    const change = events.find((e) => e.phase === 'change' && e.kind === 'phase_finished')
    assert.ok(change.summary.includes('sig=REDACTED'), change.summary)
    assert.ok(!JSON.stringify(events.filter((e) => e.kind !== 'status')).includes(SECRET), 'a secret in an event')
    assert.equal(events.filter((e) => e.kind === 'status').at(-1).status.status, 'succeeded')

    // The image is live: it reached production.
    const live = await emulator.client().offer(P, O, { slot: 'production' })
    assert.ok(live.vmImageVersions('standard').some((i) => i.version === '2.0.0'))
    const publishes = emulator.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/publish'))
    assert.equal(publishes.length, 1)
    assert.match(publishes[0].body.toString(), /release@contoso\.com/)
  })
})

test('without goLive the release stops at review', async () => {
  await withEmulator(FAST, async (emulator) => {
    const { result, events } = await releaseWith(emulator.client(), request())
    assert.equal(result.outcome, 'at_review')
    assert.equal(result.status.status, 'waitingForPublisherReview')
    assert.equal(result.phase, undefined)
    assert.equal(outline(events).at(-1), 'review phase_finished')
    assert.ok(!events.some((e) => e.phase === 'go-live'))
    assert.ok(!emulator.requests().some((r) => r.path.endsWith('/golive')))
  })
})

test('a rejected publish is the failed outcome, with its phase, status and operation', async () => {
  const scenario = {
    timeScale: 1_000_000,
    publishers: {
      contoso: {
        offers: {
          rejected: {
            offer: {
              offerTypeId: 'microsoft-azure-virtualmachines',
              publisherId: 'contoso',
              id: 'rejected',
              version: 1,
              status: 'neverPublished',
              definition: {
                displayText: 'Rejected',
                offer: {},
                plans: [{ planId: 'standard', 'microsoft-azure-virtualmachines.vmImages': { '1.0.0': { osVhdUrl: 'https://a.blob.core.windows.net/v/1.vhd' } } }],
              },
            },
            publish: {
              steps: [
                {
                  id: 'certify',
                  stepName: 'Certification',
                  estimatedTimeFrame: '~2-3 days',
                  durationSeconds: 3600,
                  outcome: 'rejected',
                  message: '<p>The disk is <b>not generalized</b>.</p>',
                },
              ],
            },
          },
        },
      },
    },
  }
  await withEmulator({ scenario }, async (emulator) => {
    const { result, events } = await releaseWith(emulator.client(), request({ offerId: 'rejected', goLive: true }))
    assert.equal(result.outcome, 'failed')
    assert.equal(result.phase, 'review')
    assert.equal(result.status.status, 'failed')
    assert.match(result.operation.id, /\S/)
    assert.match(result.operation.url, /^http:\/\/127\.0\.0\.1:\d+\//)
    assert.ok(events.some((e) => e.kind === 'status' && e.status.status === 'failed'))
    assert.ok(!emulator.requests().some((r) => r.path.endsWith('/golive')))
  })
})

test('a dry run returns the diff and sends only GETs', async () => {
  await withEmulator(FAST, async (emulator) => {
    const { result, events } = await releaseWith(emulator.client(), request({ goLive: true, dryRun: true }))
    assert.equal(result.outcome, 'dry_run')
    assert.equal(result.status, null)
    assert.match(result.diff, /^\+.*"2\.0\.0": \{$/m)
    assert.ok(result.diff.includes('sig=REDACTED'))
    assert.ok(!result.diff.includes(SECRET))
    assert.deepEqual(outline(events), ['read phase_started', 'read phase_finished', 'change phase_started', 'change phase_finished'])
    const api = emulator.requests().filter((r) => r.path.startsWith('/api/'))
    assert.ok(api.length > 0)
    assert.deepEqual([...new Set(api.map((r) => r.method))], ['GET'])
    const draft = await emulator.client().offer(P, O)
    assert.ok(!draft.vmImageVersions('standard').some((i) => i.version === '2.0.0'), 'the dry run wrote')
  })
})

test('an AbortSignal cancels the release where it is', async () => {
  // Real time: the publish takes days, so the release is waiting when the signal fires.
  await withEmulator({ timeScale: 1 }, async (emulator) => {
    const controller = new AbortController()
    const events = []
    const started = Date.now()
    const pending = emulator.client().release(request({ goLive: true }), {
      signal: controller.signal,
      minIntervalMs: 20,
      maxIntervalMs: 50,
      onProgress: (e) => {
        events.push(e)
        if (e.kind === 'status') controller.abort(new Error('enough'))
      },
    })
    await assert.rejects(pending, (error) => {
      assert.ok(error instanceof CloudPartnerError)
      assert.equal(error.name, 'AbortError')
      assert.equal(error.kind, 'canceled')
      assert.equal(error.cause.message, 'enough')
      return true
    })
    assert.ok(Date.now() - started < 10_000)
    assert.equal(events.at(-1).phase, 'review')
    // Nothing more is sent once aborted.
    const count = emulator.requests().length
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.equal(emulator.requests().length, count)
    assert.ok(!emulator.requests().some((r) => r.path.endsWith('/golive')))

    const aborted = AbortSignal.abort()
    await assert.rejects(emulator.client().release(request(), { signal: aborted }), { name: 'AbortError' })
    assert.equal(emulator.requests().length, count, 'an aborted signal still sent')
  })
})

test('an error names its phase; onProgress throwing stops the release', async () => {
  await withEmulator(FAST, async (emulator) => {
    const client = emulator.client()
    await assert.rejects(client.release(request({ osVhdUrl: 'http://example.com/os.vhd' })), {
      kind: 'invalid_argument',
      message: /^release failed at read: /,
    })
    await assert.rejects(client.release(request(), { minIntervalMs: 0 }), { kind: 'invalid_argument', message: /minIntervalMs/ })
    await assert.rejects(client.release(request({ dataDisks: [{ lun: 1.5, vhdUrl: OS_DISK }] })), {
      kind: 'invalid_argument',
      message: /request\.dataDisks\[0\]\.lun/,
    })
    assert.throws(() => client.release(request({ plans: 'standard' })), { name: 'TypeError', code: 'ERR_INVALID_ARG_VALUE' })
    assert.throws(() => client.release({ ...request(), version: 2 }), { name: 'TypeError' })
    assert.throws(() => client.release(request(), { onProgress: 'log' }), { name: 'TypeError' })
    assert.equal(emulator.requests().filter((r) => r.path.startsWith('/api/')).length, 0, 'a bad request was sent')

    // An unknown plan is found out after the read.
    await assert.rejects(client.release(request({ plan: 'no-such-plan' })), (error) => {
      assert.ok(error instanceof CloudPartnerError)
      assert.equal(error.kind, 'invalid_argument')
      assert.match(error.message, /^release failed at change: /)
      assert.match(error.message, /standard/)
      return true
    })

    const boom = new Error('boom')
    const seen = []
    await assert.rejects(
      client.release(request({ goLive: true }), {
        minIntervalMs: 1,
        onProgress: (e) => {
          seen.push(`${e.phase} ${e.kind}`)
          if (e.phase === 'write' && e.kind === 'phase_finished') throw boom
        },
      }),
      (error) => error === boom,
    )
    assert.equal(seen.at(-1), 'write phase_finished')
  })
})
