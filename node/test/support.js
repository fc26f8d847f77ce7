'use strict'
// Shared helpers of the Node test suite: the package under test (loaded by its own
// name, as users load it), emulators that stop themselves, and small waits.

const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const cloudpartner = require('cloudpartner')

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'status')
const FIXTURE_ROOT = path.join(__dirname, '..', '..', 'fixtures')

/** The vector inputs of a fixtures folder (NAME.json or NAME.bin, not the expected files), sorted. */
function vectorInputs(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.endsWith('.expected.json') && /\.(json|bin)$/.test(e.name))
    .map((e) => path.join(dir, e.name))
    .sort()
}

/** The expected file of a vector input. */
function expectedOf(input) {
  return JSON.parse(fs.readFileSync(input.replace(/\.(json|bin)$/, '.expected.json'), 'utf8'))
}

const TOKEN = /\s*(?:([{}[\]:,])|("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null))/y

/**
 * The tokens of a JSON text, in order: punctuation and literals as they are, strings
 * decoded (['s', value]), numbers as written (['n', text]). Key order is kept, which
 * JSON.parse does not (it puts integer-like keys first).
 */
function jsonTokens(text) {
  const tokens = []
  const body = text.replace(/^\uFEFF/, '').trimEnd()
  TOKEN.lastIndex = 0
  while (TOKEN.lastIndex < body.length) {
    const at = TOKEN.lastIndex
    const m = TOKEN.exec(body)
    if (!m) throw new Error(`not JSON at ${at}: ${JSON.stringify(body.slice(at, at + 20))}`)
    if (m[1] || m[4]) tokens.push(m[1] || m[4])
    else if (m[2]) tokens.push(['s', JSON.parse(m[2])])
    else tokens.push(['n', m[3]])
  }
  return tokens
}

const isInteger = (text) => /^-?\d+$/.test(text)

/** The same number: integers exactly (BigInt), others as the same double, spelled as a float both. */
function sameNumber(a, b) {
  if (isInteger(a) || isInteger(b)) return isInteger(a) && isInteger(b) && BigInt(a) === BigInt(b)
  return Object.is(Number(a), Number(b))
}

/**
 * Asserts two JSON texts hold the same document, losslessly: the same keys in the same
 * order, the same strings, integers to the last digit, floats as the same double.
 */
function assertSameJson(actual, expected, what) {
  const a = jsonTokens(actual)
  const b = jsonTokens(expected)
  const show = (t) => (Array.isArray(t) ? (t[0] === 's' ? JSON.stringify(t[1]) : t[1]) : t)
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const [x, y] = [a[i], b[i]]
    const same =
      x !== undefined && y !== undefined &&
      (Array.isArray(x) && Array.isArray(y)
        ? x[0] === y[0] && (x[0] === 'n' ? sameNumber(x[1], y[1]) : x[1] === y[1])
        : x === y)
    if (!same) {
      const context = b.slice(Math.max(0, i - 6), i + 1).map(show).join(' ')
      throw new assert.AssertionError({ message: `${what}: token ${i} is ${x === undefined ? 'missing' : show(x)}, expected ${y === undefined ? 'the end' : show(y)} (after ${context})` })
    }
  }
}

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

module.exports = {
  FIXTURES,
  FIXTURE_ROOT,
  assertSameJson,
  cloudpartner,
  clientOf,
  expectedOf,
  jsonTokens,
  publish,
  scenario,
  sleep,
  statusRequests,
  vectorInputs,
  within,
  withEmulator,
  withEnv,
}
