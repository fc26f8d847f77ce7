'use strict'
// Shared helpers of the Node test suite: the package under test (loaded by its own
// name, as users load it), emulators that stop themselves, and small waits.

const path = require('node:path')
const cloudpartner = require('cloudpartner')

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'status')

/** Starts an emulator, runs `fn(emulator)`, and stops it whatever happens. */
async function withEmulator(options, fn) {
  const emulator = await cloudpartner.Emulator.start(options)
  try {
    return await fn(emulator)
  } finally {
    await emulator.stop()
  }
}

/** A client of `emulator`, with quick retries unless told otherwise. */
function clientOf(emulator, options = {}) {
  return new cloudpartner.Client({ baseUrl: emulator.baseUrl, token: emulator.token, ...options })
}

/** The status GETs the emulator received. */
function statusRequests(emulator) {
  return emulator.requests().filter((r) => r.method === 'GET' && r.path.endsWith('/status'))
}

/** A scenario with one publisher `contoso` and the given offers. */
function scenario(offers, extra = {}) {
  return { publishers: { contoso: { offers } }, ...extra }
}

/** A simulated publish of steps `[id, durationSeconds, outcome?]`. */
function publish(steps) {
  return {
    publish: {
      startedSecondsAgo: 0,
      steps: steps.map(([id, durationSeconds, outcome]) => ({
        id,
        stepName: `Step ${id}`,
        estimatedTimeFrame: '< 15 min',
        durationSeconds,
        ...(outcome ? { outcome } : {}),
      })),
    },
  }
}

/** Rejects when `promise` settles later than `ms` (a guard against hangs, not a benchmark). */
function within(ms, promise, what) {
  let timer
  const guard = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still pending after ${ms} ms`)), ms)
  })
  return Promise.race([promise, guard]).finally(() => clearTimeout(timer))
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

module.exports = { FIXTURES, cloudpartner, clientOf, publish, scenario, sleep, statusRequests, within, withEmulator }
