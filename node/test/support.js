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

/** Whether the client reads this variable (its options, its credential chain). */
const readByClient = (name) => /^(CLOUDPARTNER_|AZURE_)/.test(name) || name === 'PATH'

/**
 * Runs `fn()` with exactly `vars` of the variables the client reads (CLOUDPARTNER_*,
 * AZURE_*, PATH): the others are unset meanwhile, and everything is restored after.
 */
async function withEnv(vars, fn) {
  const saved = Object.fromEntries(Object.entries(process.env).filter(([name]) => readByClient(name)))
  for (const name of Object.keys(saved)) delete process.env[name]
  Object.assign(process.env, vars)
  try {
    return await fn()
  } finally {
    for (const name of Object.keys(process.env)) if (readByClient(name)) delete process.env[name]
    Object.assign(process.env, saved)
  }
}

module.exports = { FIXTURES, cloudpartner, clientOf, publish, scenario, sleep, statusRequests, within, withEmulator, withEnv }
