'use strict'
// Client against the emulator: success, every fault kind as the right error, retries,
// timeouts, batches with per-offer errors, and argument checks.

const test = require('node:test')
const assert = require('node:assert/strict')
const { cloudpartner, clientOf, scenario, statusRequests, withEmulator, withEnv } = require('./support')

const { Client, CloudPartnerError, ERROR_KINDS, OfferStatus } = cloudpartner

test('offerStatus fetches and converts a live offer', async () => {
  await withEmulator(undefined, async (emulator) => {
    const status = await clientOf(emulator).offerStatus('contoso', 'live-offer')
    assert.ok(status instanceof OfferStatus)
    assert.equal(status.status, 'succeeded')
    assert.equal(status.isTerminal, true)
    assert.equal(status.needsPublisherAction, false)
    assert.equal(status.currentStep, null)
    assert.equal(status.progress, 1)
    assert.equal(status.estimatedRemaining, null)
    assert.ok(status.steps.length > 0)
    assert.ok(status.steps.every((s) => s.status === 'complete' && s.progressPercentage === 100))
    assert.ok(status.liveLinks.every((l) => typeof l.displayText === 'string' && typeof l.uri === 'string'))
    assert.equal(JSON.parse(status.toJson()).status, 'succeeded')
  })
})

test('a running offer has a current step, progress and a remaining estimate', async () => {
  await withEmulator(undefined, async (emulator) => {
    const status = await clientOf(emulator).offerStatus('contoso', 'running-offer')
    assert.equal(status.status, 'running')
    assert.equal(status.isTerminal, false)
    assert.ok(status.steps.includes(status.currentStep))
    assert.equal(status.currentStep.status, 'inProgress')
    assert.ok(status.progress > 0 && status.progress < 1)
    const { minSeconds, maxSeconds } = status.estimatedRemaining
    assert.ok(minSeconds > 0 && minSeconds <= maxSeconds)
    assert.equal(typeof status.currentStep.estimatedTimeFrame.raw, 'string')
  })
})

/** Asserts `promise` rejects with a CloudPartnerError of this kind and HTTP status. */
async function rejectsWith(promise, kind, statusCode, more = {}) {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof CloudPartnerError, `not a CloudPartnerError: ${error && error.stack}`)
    assert.ok(error instanceof Error)
    assert.equal(error.kind, kind, error.message)
    assert.equal(error.code, `ERR_CLOUDPARTNER_${kind.toUpperCase()}`)
    assert.equal(error.statusCode, statusCode)
    assert.ok(ERROR_KINDS.includes(error.kind))
    for (const [key, value] of Object.entries(more)) {
      if (value instanceof RegExp) assert.match(error[key], value, key)
      else assert.equal(error[key], value, key)
    }
    return true
  })
}

const faultCases = [
  ['status 400', { kind: 'status', status: 400 }, 'bad_request', 400],
  ['status 403', { kind: 'status', status: 403 }, 'permission_denied', 403],
  ['status 409', { kind: 'status', status: 409 }, 'conflict', 409],
  ['status 429', { kind: 'status', status: 429 }, 'throttled', 429],
  ['status 500', { kind: 'status', status: 500 }, 'server', 500],
  ['status 503', { kind: 'status', status: 503 }, 'server', 503],
  ['malformed JSON', { kind: 'malformed' }, 'parse', 200],
  ['an HTML 502 page', { kind: 'html', status: 502 }, 'server', 502],
  ['an HTML 200 page', { kind: 'html', status: 200 }, 'parse', 200],
  ['a reset connection', { kind: 'reset' }, 'transport', null],
  ['an oversize body', { kind: 'oversize', bytes: 9 * 1024 * 1024 }, 'too_large', 200],
  ['a slow body', { kind: 'slowBody', bytesPerSecond: 2 }, 'timeout', 200],
]

for (const [name, fault, kind, statusCode] of faultCases) {
  test(`fault: ${name} -> ${kind}`, async () => {
    await withEmulator({ scenario: scenario({ o: { status: { status: 'running' } } }, { faults: [fault] }) }, async (emulator) => {
      const client = clientOf(emulator, { maxRetries: 0, timeoutMs: 1000 })
      await rejectsWith(client.offerStatus('contoso', 'o'), kind, statusCode, { requestId: /./ })
      // A reset got no answer: the id is the one the client sent; the others are the service's.
      await assert.rejects(client.offerStatus('contoso', 'o'), (e) => e.requestIdIsClient === (fault.kind === 'reset'))
    })
  })
}

test('HTTP errors of the service itself: 401, 400 InvalidAPIVersion, 404', async () => {
  await withEmulator(undefined, async (emulator) => {
    const secret = 'not-the-right-token-0123456789'
    const wrongToken = new Client({ baseUrl: emulator.baseUrl, token: secret })
    await assert.rejects(wrongToken.offerStatus('contoso', 'live-offer'), (e) => {
      assert.equal(e.kind, 'authentication')
      assert.equal(e.statusCode, 401)
      assert.ok(!e.message.includes(secret) && !JSON.stringify(e).includes(secret), 'the token leaks')
      return true
    })
    await rejectsWith(clientOf(emulator, { apiVersion: '1999-01-01' }).offerStatus('contoso', 'live-offer'), 'bad_request', 400, { apiCode: 'InvalidAPIVersion' })
    await rejectsWith(clientOf(emulator).offerStatus('contoso', 'no-such-offer'), 'not_found', 404, { requestId: /./ })
    await rejectsWith(clientOf(emulator).offerStatus('contoso', ''), 'invalid_argument', null, { requestId: null })
  })
})

test('transient failures are retried, others are not', async () => {
  const faults = [
    { offerId: 'flaky', kind: 'status', status: 503, times: 2 },
    { offerId: 'gone', kind: 'status', status: 404, times: 1 },
  ]
  const offers = { flaky: { status: { status: 'succeeded' } }, gone: { status: { status: 'succeeded' } } }
  await withEmulator({ scenario: scenario(offers, { faults }) }, async (emulator) => {
    const client = clientOf(emulator, { maxRetries: 3 })
    assert.equal((await client.offerStatus('contoso', 'flaky')).status, 'succeeded')
    assert.equal(statusRequests(emulator).length, 3)
    await rejectsWith(client.offerStatus('contoso', 'gone'), 'not_found', 404)
    assert.equal(statusRequests(emulator).length, 4)
  })
})

test('Retry-After is reported on a throttled error', async () => {
  const faults = [{ kind: 'status', status: 429, retryAfterSeconds: 7 }]
  await withEmulator({ scenario: scenario({ o: { status: { status: 'running' } } }, { faults }) }, async (emulator) => {
    await rejectsWith(clientOf(emulator, { maxRetries: 0 }).offerStatus('contoso', 'o'), 'throttled', 429, { retryAfterMs: 7000 })
  })
})

test('a redirect to the same origin is followed; to another one it drops the token', async () => {
  await withEmulator(undefined, async (other) => {
    const faults = [
      { offerId: 'live-offer', kind: 'redirect', location: '{path}', times: 1 },
      { offerId: 'running-offer', kind: 'redirect', location: `${other.baseUrl}{path}` },
    ]
    await withEmulator({ scenario: { ...defaultOffers(), faults } }, async (emulator) => {
      const client = clientOf(emulator, { maxRetries: 0 })
      assert.equal((await client.offerStatus('contoso', 'live-offer')).status, 'succeeded')
      await rejectsWith(client.offerStatus('contoso', 'running-offer'), 'authentication', 401)
      const seen = statusRequests(other)
      assert.equal(seen.length, 1)
      assert.equal(seen[0].headers.authorization, undefined)
    })
  })
})

function defaultOffers() {
  return scenario({
    'live-offer': { status: { status: 'succeeded' } },
    'running-offer': { status: { status: 'running' } },
  })
}

test('offerStatuses keeps input order with an error per offer', async () => {
  await withEmulator(undefined, async (emulator) => {
    const ids = ['live-offer', 'no-such-offer', 'running-offer', '', 'failed-offer']
    const results = await clientOf(emulator).offerStatuses('contoso', ids, { concurrency: 2 })
    assert.deepEqual(results.map((r) => r.offerId), ids)
    assert.equal(results[0].status.status, 'succeeded')
    assert.ok(!('error' in results[0]))
    assert.ok(results[1].error instanceof CloudPartnerError)
    assert.equal(results[1].error.kind, 'not_found')
    assert.ok(!('status' in results[1]))
    assert.equal(results[2].status.status, 'running')
    assert.equal(results[3].error.kind, 'invalid_argument')
    assert.equal(results[4].status.status, 'failed')
    assert.deepEqual(await clientOf(emulator).offerStatuses('contoso', []), [])
  })
})

test('a slow server does not block the event loop', async () => {
  const faults = [{ kind: 'latency', ms: 800 }]
  await withEmulator({ scenario: scenario({ o: { status: { status: 'running' } } }, { faults }) }, async (emulator) => {
    let ticks = 0
    const timer = setInterval(() => ticks++, 20)
    try {
      const status = await clientOf(emulator).offerStatus('contoso', 'o')
      assert.equal(status.status, 'running')
    } finally {
      clearInterval(timer)
    }
    assert.ok(ticks >= 10, `the interval ticked only ${ticks} times during an 800 ms call`)
  })
})

test('wrong argument types throw a TypeError naming the argument', () => {
  const base = { baseUrl: 'http://127.0.0.1:9', token: 't' }
  const cases = [
    [() => new Client('token'), /"options" argument must be an object/],
    [() => new Client({ ...base, token: 42 }), /"options.token" argument must be a string/],
    [() => new Client({ ...base, timeoutMs: '5' }), /"options.timeoutMs" argument must be a number/],
    [() => new Client({ ...base, allowHttp: 1 }), /"options.allowHttp" argument must be a boolean/],
    [() => new Client({ ...base, timeout: 5 }), /Unknown option "timeout"/],
    [() => new Client({ baseUrl: base.baseUrl, credential: {} }), /"options.credential.getToken"/],
    [() => new Client(base).offerStatus(1, 'o'), /"publisherId" argument must be a string/],
    [() => new Client(base).offerStatus('p'), /"offerId" argument must be a string, got undefined/],
    [() => new Client(base).offerStatuses('p', 'o'), /"offerIds" argument must be an array of strings/],
    [() => new Client(base).offerStatuses('p', ['o', 5]), /"offerIds\[1\]" argument must be a string/],
    [() => new Client(base).watch('p', 'o', { signal: {} }), /"options.signal" argument must be an AbortSignal/],
  ]
  for (const [fn, message] of cases) assert.throws(fn, { name: 'TypeError', code: /^ERR_INVALID_ARG_(TYPE|VALUE)$/, message })
})

/** A CloudPartnerError of kind invalid_argument whose message matches `message`. */
const invalidArgument = (message) => (e) => {
  assert.ok(e instanceof CloudPartnerError, `not a CloudPartnerError: ${e && e.stack}`)
  assert.equal(e.kind, 'invalid_argument', e.message)
  assert.equal(e.code, 'ERR_CLOUDPARTNER_INVALID_ARGUMENT')
  assert.match(e.message, message)
  return true
}

test('numbers out of range are invalid_argument errors; undefined and null are the defaults', async () => {
  const base = { baseUrl: 'http://127.0.0.1:9', token: 't' }
  const cases = [
    ['timeoutMs', 0],
    ['timeoutMs', -1],
    ['timeoutMs', NaN],
    ['timeoutMs', Infinity],
    ['connectTimeoutMs', 0],
    ['connectTimeoutMs', -0.5],
    ['maxRetries', -1],
    ['maxRetries', 1.5],
    ['maxRetries', 2 ** 32],
    ['maxRetries', NaN],
  ]
  for (const [name, value] of cases) {
    assert.throws(() => new Client({ ...base, [name]: value }), invalidArgument(new RegExp(name)), `${name}: ${value}`)
  }
  for (const value of [undefined, null]) {
    new Client({ ...base, timeoutMs: value, connectTimeoutMs: value, maxRetries: value, apiVersion: value, allowHttp: value })
  }
  assert.ok(new Client({ ...base, maxRetries: 0, timeoutMs: 0.5 }))
  const client = new Client(base)
  for (const concurrency of [0, -1, 2.5]) {
    await assert.rejects(client.offerStatuses('p', ['o'], { concurrency }), invalidArgument(/concurrency/))
  }
})

test('bad option values are CloudPartnerErrors of kind invalid_argument', async () => {
  await withEnv({}, () => {
    const cases = [
      [{ token: 't', baseUrl: 'not a url' }, /base URL/],
      [{ token: 't', baseUrl: 'http://example.com' }, /http/],
      [{ token: 't', credential: { getToken: async () => null } }, /not both/],
      [{ token: '' }, /token is empty/],
      [{ token: ' \t ' }, /token is empty/],
      [{ token: 't', apiVersion: ' ' }, /api-version/],
    ]
    for (const [options, message] of cases) assert.throws(() => new Client(options), invalidArgument(message))
    const client = new Client({ token: 't', baseUrl: 'https://example.com/', apiVersion: '2020-01-01' })
    assert.equal(client.baseUrl, 'https://example.com/')
    assert.equal(client.apiVersion, '2020-01-01')
    assert.equal(client.credentialSource, 'the token given')
    assert.equal(client.pollTimeScale, 1)
    assert.equal(new Client({ token: 't' }).baseUrl, 'https://cloudpartner.azure.com/')
  })
})

test('no token and no credential: the environment, then the Azure CLI, else an authentication error', async () => {
  await withEnv({}, () => {
    assert.throws(() => new Client(), (e) => {
      assert.ok(e instanceof CloudPartnerError)
      assert.equal(e.kind, 'authentication')
      for (const part of ['CLOUDPARTNER_TOKEN', 'AZURE_TOKEN', 'AZURE_CLIENT_SECRET', 'az login']) assert.ok(e.message.includes(part), e.message)
      return true
    })
  })
  await withEnv({ AZURE_TOKEN: 'from-env', CLOUDPARTNER_BASE_URL: 'http://127.0.0.1:9' }, () => {
    const client = new Client()
    assert.equal(client.credentialSource, 'a token from AZURE_TOKEN')
    assert.equal(client.baseUrl, 'http://127.0.0.1:9/')
    assert.equal(new Client({ baseUrl: 'https://example.com' }).baseUrl, 'https://example.com/')
  })
})
