'use strict'
// The publishing API against the emulator: every Client method, in-place edits of the
// definition reaching the stored document, the ETag rules and 'conflict', the image
// helpers editing the same object, operations in every Location form, the origin rule
// of operationAt, and a whole release.

const test = require('node:test')
const assert = require('node:assert/strict')
const { inspect } = require('node:util')
const { cloudpartner, scenario, withEmulator } = require('./support')

const { CloudPartnerError, Offer, OfferStatus, Operation, parseOffer } = cloudpartner

const P = 'contoso'
const O = 'vm-release'
const IMAGES = 'microsoft-azure-virtualmachines.vmImages'
const SECRET = 'TOPSECRETsig%3D'
const SAS = `https://contoso.blob.core.windows.net/vhds/os-2.0.0.vhd?sv=2020-08-04&sr=b&sig=${SECRET}&se=2030-01-01`
/** Fast: the default publish (about 3.9 simulated days) takes a few seconds. */
const FAST = { timeScale: 100_000 }

/** Asserts `promise` rejects with a CloudPartnerError of `kind` (and these fields). */
async function rejectsWith(promise, kind, more = {}) {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof CloudPartnerError, `not a CloudPartnerError: ${error && error.stack}`)
    assert.equal(error.kind, kind, error.message)
    for (const [key, value] of Object.entries(more)) {
      if (value instanceof RegExp) assert.match(String(error[key]), value, key)
      else assert.equal(error[key], value, key)
    }
    return true
  })
}

const planOf = (offer, id) => offer.definition.plans.find((p) => p.planId === id)
const writes = (emulator, method) => emulator.requests().filter((r) => r.method === method && r.path.startsWith('/api/'))

let releaseDocument
/** A scenario of `vm-release` alone (its default document) with these top-level fields. */
async function releaseScenario(extra = {}) {
  if (!releaseDocument) {
    releaseDocument = await withEmulator(undefined, async (emulator) => emulator.offerDocument(P, O))
  }
  return { scenario: { publishers: { [P]: { offers: { [O]: { offer: releaseDocument } } } }, ...extra } }
}

/** Watches until the end (or review) and gives the last status. */
async function waitFor(client, until) {
  let last = null
  for await (const status of client.watch(P, O, { until, timeoutMs: 60_000 })) last = status
  return last
}

test('publishers and offers', async () => {
  await withEmulator(undefined, async (emulator) => {
    const client = emulator.client()
    const publishers = await client.publishers()
    const contoso = publishers.find((p) => p.id === P)
    assert.ok(contoso, JSON.stringify(publishers))
    assert.deepEqual(Object.keys(contoso), ['id', 'displayText', 'sellerId'])
    assert.equal(typeof contoso.displayText, 'string')
    assert.equal(typeof contoso.sellerId, 'string')

    const offers = await client.offers(P)
    assert.ok(offers.length >= 9)
    assert.ok(offers.every((o) => o instanceof Offer && o.publisherId === P))
    assert.ok(offers.some((o) => o.id === O))
    await rejectsWith(client.offers('no-such-publisher'), 'not_found', { statusCode: 404 })
    await rejectsWith(client.offers(''), 'invalid_argument')
  })
})

test('offer: the draft with its ETag, a slot, a version; bad selectors', async () => {
  await withEmulator(undefined, async (emulator) => {
    const client = emulator.client()
    const draft = await client.offer(P, O)
    assert.equal(draft.id, O)
    assert.equal(draft.offerTypeId, 'microsoft-azure-virtualmachines')
    assert.equal(draft.status, 'neverPublished')
    assert.equal(draft.etag, emulator.offerEtag(P, O))
    assert.match(draft.etag, /^W\/"/)
    assert.ok(draft.changedTime instanceof Date)
    assert.deepEqual(draft.planIds, ['standard', 'standard-gen2', 'byol'])
    assert.deepEqual(draft.vmImageVersions('standard').map((i) => i.version), ['1.0.0', '1.1.0'])
    assert.equal(draft.displayText, draft.definition.displayText)

    const sameSlot = await client.offer(P, O, { slot: 'draft' })
    assert.equal(sameSlot.toJson(), draft.toJson())
    const past = await client.offer(P, O, { version: draft.version })
    assert.equal(past.version, draft.version)
    await rejectsWith(client.offer(P, O, { slot: 'preview' }), 'not_found', { statusCode: 404 })
    await rejectsWith(client.offer(P, O, { slot: 'staging' }), 'invalid_argument', { message: /staging/ })
    await rejectsWith(client.offer(P, O, { slot: 'draft', version: 1 }), 'invalid_argument', { message: /not both/ })
    await rejectsWith(client.offer(P, O, { version: 1.5 }), 'invalid_argument', { message: /whole number/ })
    await rejectsWith(client.offer(P, O, { version: -1 }), 'invalid_argument')
    await rejectsWith(client.offer(P, 'no-such-offer'), 'not_found', { statusCode: 404 })
    assert.throws(() => client.offer(P, O, { slot: 1 }), { name: 'TypeError', message: /options.slot/ })
    assert.throws(() => client.offer(P, O, { slot: 'draft', versoin: 1 }), { name: 'TypeError', message: /Unknown option "versoin"/ })
  })
})

test('in-place edits of the definition reach the stored document, with If-Match the ETag read', async () => {
  await withEmulator(undefined, async (emulator) => {
    const client = emulator.client()
    const offer = await client.offer(P, O)
    const before = offer.toJson()
    offer.definition.displayText = 'Contoso Release VM (edited)'
    planOf(offer, 'byol')['x-note'] = { from: 'node', n: 1 }
    offer.definition.offer['microsoft-azure-marketplace.summary'] = 'Edited in place'
    assert.equal(offer.displayText, 'Contoso Release VM (edited)')
    assert.notEqual(offer.toJson(), before)

    const stored = await client.putOffer(offer)
    assert.ok(stored instanceof Offer)
    assert.equal(stored.version, offer.version + 1)
    assert.notEqual(stored.etag, offer.etag)
    assert.equal(stored.etag, emulator.offerEtag(P, O))
    const [put] = writes(emulator, 'PUT')
    assert.equal(put.headers['if-match'], offer.etag)
    assert.ok(Buffer.isBuffer(put.body))
    assert.equal(JSON.parse(put.body).definition.displayText, 'Contoso Release VM (edited)')

    const document = emulator.offerDocument(P, O)
    assert.equal(document.definition.displayText, 'Contoso Release VM (edited)')
    assert.deepEqual(document.definition.plans.find((p) => p.planId === 'byol')['x-note'], { from: 'node', n: 1 })
    assert.equal(document.definition.offer['microsoft-azure-marketplace.summary'], 'Edited in place')
    // The rest went back as it came: the stored document is the one sent, versioned.
    const sent = JSON.parse(put.body)
    assert.deepEqual({ ...document, version: 0, changedTime: '' }, { ...sent, version: 0, changedTime: '' })
    assert.equal(stored.definition.displayText, 'Contoso Release VM (edited)')
    assert.equal(offer.etag, JSON.parse(JSON.stringify(offer.etag)), 'the offer passed is left as it was')

    // A replaced definition object is what goes next.
    stored.definition = { ...stored.definition, displayText: 'Replaced' }
    await client.putOffer(stored)
    assert.equal(emulator.offerDocument(P, O).definition.displayText, 'Replaced')
    assert.throws(() => { stored.definition = 'text' }, { name: 'TypeError' })
    assert.throws(() => client.putOffer({ id: O }), { name: 'TypeError', message: /"offer" argument must be an Offer/ })
  })
})

test('image helpers edit the same definition object, in the core', async () => {
  await withEmulator(undefined, async (emulator) => {
    const client = emulator.client()
    const offer = await client.offer(P, O)
    const definition = offer.definition
    const standard = planOf(offer, 'standard')
    const images = standard[IMAGES]
    const kept = images['1.0.0']

    offer.setVmImageVersion('standard', { version: '2.0.0', osVhdUrl: SAS, label: 'Release 2', dataDisks: [{ lun: 0, vhdUrl: SAS }] })
    assert.equal(offer.definition, definition, 'the same definition object')
    assert.equal(planOf(offer, 'standard'), standard, 'the same plan object')
    assert.equal(standard[IMAGES], images, 'the same images object')
    assert.equal(images['1.0.0'], kept, 'untouched entries are the same objects')
    assert.deepEqual(Object.keys(images), ['1.0.0', '1.1.0', '2.0.0'])
    assert.equal(images['2.0.0'].osVhdUrl, SAS)
    assert.equal(images['2.0.0'].label, 'Release 2')
    assert.match(images['2.0.0'].publishedDate, /^\d\d\/\d\d\/\d{4}$/)
    assert.deepEqual(images['2.0.0'].lunVhdDetails, [{ lun: 0, lunVhdUrl: SAS }])
    const listed = offer.vmImageVersions('standard')
    assert.deepEqual(listed.map((i) => i.version), ['1.0.0', '1.1.0', '2.0.0'])
    assert.deepEqual(listed[2], {
      version: '2.0.0', osVhdUrl: SAS, label: 'Release 2', mediaName: '', description: '',
      publishedDate: images['2.0.0'].publishedDate, showInGui: true, dataDisks: [{ lun: 0, vhdUrl: SAS }],
    })

    // Replacing keeps the entry's fields the image does not have, its date and its place;
    // the image's own fields are as given (the core's rule: label '' when not given).
    images['1.1.0']['x-extra'] = 42
    const date = images['1.1.0'].publishedDate
    offer.setVmImageVersion('standard', { version: '1.1.0', osVhdUrl: SAS, label: 'Relabelled' })
    assert.equal(images['1.1.0']['x-extra'], 42)
    assert.equal(images['1.1.0'].osVhdUrl, SAS)
    assert.equal(images['1.1.0'].label, 'Relabelled')
    assert.equal(images['1.1.0'].publishedDate, date)
    assert.deepEqual(Object.keys(images), ['1.0.0', '1.1.0', '2.0.0'])

    offer.deprecateVmImageVersion('standard', '1.0.0')
    assert.equal(kept.showInGui, false)
    assert.equal(offer.vmImageVersions('standard')[0].showInGui, false)

    const removed = offer.removeVmImageVersion('standard', '1.0.0')
    assert.equal(removed.version, '1.0.0')
    assert.equal(removed.showInGui, false)
    assert.ok(!('1.0.0' in images))
    assert.deepEqual(Object.keys(images), ['1.1.0', '2.0.0'])

    // The disk generation has one version: its last one goes only with force.
    await assert.rejects(async () => offer.removeVmImageVersion('standard-gen2', '1.1.0'), (e) => e.kind === 'invalid_argument' && /last/.test(e.message))
    offer.removeVmImageVersion('standard-gen2', '1.1.0', { force: true })
    assert.deepEqual(offer.vmImageVersions('standard-gen2'), [])

    for (const [fn, message] of [
      [() => offer.vmImageVersions('premium'), /standard/],
      [() => offer.setVmImageVersion('standard', { version: 'v3', osVhdUrl: SAS }), /dot-separated/],
      [() => offer.setVmImageVersion('standard', { version: '3.0.0', osVhdUrl: SAS.replace('https', 'http') }), /https/],
      [() => offer.setVmImageVersion('standard', { version: '3.0.0', osVhdUrl: SAS, dataDisks: [{ lun: 1.5, vhdUrl: SAS }] }), /whole number/],
      [() => offer.removeVmImageVersion('standard', '9.9.9'), /9\.9\.9/],
      [() => offer.deprecateVmImageVersion('byol', '9.9.9'), /9\.9\.9/],
    ]) {
      assert.throws(fn, (e) => {
        assert.ok(e instanceof CloudPartnerError, String(e))
        assert.equal(e.kind, 'invalid_argument')
        assert.match(e.message, message)
        assert.ok(!e.message.includes(SECRET), e.message)
        return true
      })
    }
    for (const [fn, message] of [
      [() => offer.setVmImageVersion('standard', { version: '3.0.0' }), /image.osVhdUrl/],
      [() => offer.setVmImageVersion('standard', { version: '3.0.0', osVhdURL: SAS }), /Unknown option "osVhdURL"/],
      [() => offer.setVmImageVersion('standard', SAS), /"image" argument must be an object/],
      [() => offer.setVmImageVersion(1, { version: '3.0.0', osVhdUrl: SAS }), /planId/],
      [() => offer.removeVmImageVersion('standard', '1.1.0', { force: 'yes' }), /options.force/],
    ]) {
      assert.throws(fn, (e) => e instanceof TypeError && message.test(e.message) && !e.message.includes(SECRET))
    }

    // What the helpers did is what goes to the service.
    await client.putOffer(offer)
    const stored = emulator.offerDocument(P, O).definition.plans.find((p) => p.planId === 'standard')[IMAGES]
    assert.deepEqual(Object.keys(stored), ['1.1.0', '2.0.0'])
    assert.equal(stored['2.0.0'].osVhdUrl, SAS, 'the real signature is sent')
  })
})

test('a stale ETag is a conflict; ifMatch, force and create', async () => {
  await withEmulator(undefined, async (emulator) => {
    const client = emulator.client()
    const offer = await client.offer(P, O)
    const theirs = emulator.offerDocument(P, O)
    theirs.definition.displayText = 'Changed by someone else'
    emulator.setOfferDocument(P, O, theirs)
    offer.definition.displayText = 'Mine'
    await rejectsWith(client.putOffer(offer), 'conflict', { statusCode: 412, requestId: /./ })
    await rejectsWith(client.putOffer(offer, { ifMatch: 'W/"datetime\'2001-01-01\'"' }), 'conflict', { statusCode: 412 })
    assert.equal(emulator.offerDocument(P, O).definition.displayText, 'Changed by someone else')
    await rejectsWith(client.putOffer(offer, { create: true }), 'conflict', { statusCode: 412 })
    await rejectsWith(client.putOffer(offer, { force: true, create: true }), 'invalid_argument', { message: /at most one/ })
    await rejectsWith(client.putOffer(offer, { ifMatch: ' ' }), 'invalid_argument')

    const forced = await client.putOffer(offer, { force: true })
    assert.equal(forced.definition.displayText, 'Mine')
    const fresh = await client.offer(P, O)
    await client.putOffer(fresh, { ifMatch: fresh.etag })
    const headers = writes(emulator, 'PUT').map((r) => [r.headers['if-match'] ?? null, r.headers['if-none-match'] ?? null])
    assert.deepEqual(headers, [
      [offer.etag, null],
      ['W/"datetime\'2001-01-01\'"', null],
      [null, '*'],
      ['*', null],
      [fresh.etag, null],
    ])

    const created = parseOffer(JSON.stringify({ ...theirs, id: 'brand-new', version: 0, definition: { displayText: 'New', plans: [] } }))
    const stored = await client.putOffer(created, { create: true })
    assert.equal(stored.id, 'brand-new')
    assert.equal(emulator.offerDocument(P, 'brand-new').definition.displayText, 'New')
  })
})

test('without ETags (omitEtag) a write sends If-Match: *', async () => {
  await withEmulator(await releaseScenario({ omitEtag: true }), async (emulator) => {
    const client = emulator.client()
    const offer = await client.offer(P, O)
    assert.equal(offer.etag, null)
    offer.definition.displayText = 'No ETag'
    const stored = await client.putOffer(offer)
    assert.equal(stored.etag, null)
    assert.equal(writes(emulator, 'PUT')[0].headers['if-match'], '*')
    assert.equal(emulator.offerDocument(P, O).definition.displayText, 'No ETag')
    assert.ok(emulator.offerEtag(P, O))
  })
})

for (const locationForm of ['operations', 'legacy', 'absolute']) {
  test(`publish, operations, operation and operationAt (${locationForm} locations)`, async () => {
    await withEmulator({ ...(await releaseScenario({ locationForm })), timeScale: 1 }, async (emulator) => {
      const client = emulator.client()
      const ref = await client.publish(P, O, { notificationEmails: ['a@contoso.com', 'b@contoso.com'] })
      assert.deepEqual(Object.keys(ref), ['url', 'id'])
      assert.ok(ref.url.startsWith(`${emulator.baseUrl}/api/`), ref.url)
      assert.ok(ref.id && ref.url.includes(encodeURIComponent(ref.id).replace(/%24/g, '$')) || ref.url.includes(ref.id), ref.url)
      const [post] = writes(emulator, 'POST')
      assert.deepEqual(JSON.parse(post.body), { metadata: { 'notification-emails': 'a@contoso.com,b@contoso.com' } })

      const byRef = await client.operationAt(ref)
      const byUrl = await client.operationAt(ref.url)
      assert.ok(byRef instanceof Operation)
      assert.equal(byRef.id, byUrl.id)
      assert.equal(byRef.state, 'running')
      assert.equal(byRef.isTerminal, false)
      assert.ok(byRef.created instanceof Date)
      assert.ok(byRef.detail instanceof OfferStatus)
      assert.ok(byRef.detail.steps.length > 0)
      assert.equal(JSON.parse(byRef.toJson()).status, 'running')

      const all = await client.operations(P, O)
      assert.ok(all.length >= 1 && all.every((o) => o instanceof Operation))
      const running = await client.operations(P, O, { state: 'Running' })
      assert.ok(running.some((o) => o.state === 'running'))
      assert.deepEqual(await client.operations(P, O, { state: 'canceled' }), [])
      const one = await client.operation(P, O, all[0].id)
      assert.equal(one.id, all[0].id)
      await rejectsWith(client.operations(P, O, { state: 'paused' }), 'invalid_argument', { message: /paused/ })
      await rejectsWith(client.operation(P, O, 'no-such-operation'), 'not_found', { statusCode: 404 })

      await rejectsWith(client.publish(P, O), 'conflict', { statusCode: 409, apiCode: /./ })
      await rejectsWith(client.goLive(P, O), 'conflict', { statusCode: 409 })
    })
  })
}

test('cancel: the running publish ends canceled', async () => {
  await withEmulator({ timeScale: 1 }, async (emulator) => {
    const client = emulator.client()
    const published = await client.publish(P, O, { notificationEmails: 'a@contoso.com; b@contoso.com' })
    const ref = await client.cancel(P, O, { notificationEmails: 'ops@contoso.com' })
    assert.ok(ref === null || (typeof ref.url === 'string' && typeof ref.id === 'string'), JSON.stringify(ref))
    const operation = await client.operationAt(published)
    assert.equal(operation.state, 'canceled')
    assert.equal(operation.isTerminal, true)
    assert.equal((await client.offerStatus(P, O)).status, 'canceled')
    assert.ok((await client.operations(P, O, { state: 'canceled' })).length >= 1)
    const posts = writes(emulator, 'POST')
    assert.deepEqual(JSON.parse(posts[0].body), { metadata: { 'notification-emails': 'a@contoso.com,b@contoso.com' } })
    assert.ok(posts[1].path.endsWith('/cancel'))
  })
})

test('a publish the service refuses (422) is bad_request with its code; no signature in the message', async () => {
  await withEmulator(undefined, async (emulator) => {
    const client = emulator.client()
    const offer = await client.offer(P, O)
    planOf(offer, 'byol')[IMAGES]['1.1.0'].osVhdUrl = SAS.replace('https', 'http')
    await client.putOffer(offer)
    await assert.rejects(client.publish(P, O), (e) => {
      assert.equal(e.kind, 'bad_request')
      assert.equal(e.statusCode, 422)
      assert.equal(e.apiCode, 'InvalidOffer')
      assert.ok(!e.message.includes(SECRET) && !inspect(e).includes(SECRET), e.message)
      return true
    })
  })
})

test('operationAt refuses a URL on another origin, and sends nothing there', async () => {
  await withEmulator(undefined, async (other) => {
    await withEmulator(undefined, async (emulator) => {
      const client = emulator.client()
      const elsewhere = `${other.baseUrl}/api/publishers/${P}/offers/${O}/operations/x?sig=${SECRET}`
      for (const url of [elsewhere, 'https://evil.example.com/api/operations/x', `http://localhost:${new URL(emulator.baseUrl).port}/api/operations/x`]) {
        await assert.rejects(client.operationAt(url), (e) => {
          assert.equal(e.kind, 'invalid_argument', e.message)
          assert.match(e.message, /origin/)
          assert.ok(!e.message.includes(SECRET), e.message)
          return true
        })
      }
      await assert.rejects(client.operationAt({ url: elsewhere, id: 'x' }), { kind: 'invalid_argument' })
      assert.equal(other.requests().length, 0)
      assert.throws(() => client.operationAt({ id: 'x' }), { name: 'TypeError', message: /"ref" argument/ })
      // A relative URL is on the client's origin.
      await rejectsWith(client.operationAt(`/api/publishers/${P}/offers/${O}/operations/none`), 'not_found')
    })
  })
})

test('a whole release in JavaScript: image, write, publish, review, go live, live', async () => {
  await withEmulator(FAST, async (emulator) => {
    const client = emulator.client()
    const offer = await client.offer(P, O)
    offer.setVmImageVersion('standard', { version: '2.0.0', osVhdUrl: SAS, label: 'Release 2.0.0' })
    assert.ok(!inspect(offer, { depth: null }).includes(SECRET))
    const stored = await client.putOffer(offer)
    assert.deepEqual(stored.vmImageVersions('standard').map((i) => i.version), ['1.0.0', '1.1.0', '2.0.0'])

    const publish = await client.publish(P, O, { notificationEmails: ['release@contoso.com'] })
    const review = await waitFor(client, 'review')
    assert.equal(review.status, 'waitingForPublisherReview')
    assert.equal(review.needsPublisherAction, true)
    assert.equal((await client.operationAt(publish)).state, 'completed')
    const preview = await client.offer(P, O, { slot: 'preview' })
    assert.deepEqual(preview.vmImageVersions('standard').map((i) => i.version), ['1.0.0', '1.1.0', '2.0.0'])

    const goLive = await client.goLive(P, O)
    const live = await waitFor(client, 'terminal')
    assert.equal(live.status, 'succeeded')
    assert.equal(live.isTerminal, true)
    const operation = await client.operationAt(goLive)
    assert.equal(operation.state, 'completed')
    const production = emulator.offerDocument(P, O, { slot: 'production' })
    assert.equal(production.definition.plans.find((p) => p.planId === 'standard')[IMAGES]['2.0.0'].osVhdUrl, SAS)
    const types = (await client.operations(P, O)).map((o) => o.submissionType)
    assert.equal(types.length, 2, JSON.stringify(types))
  })
})

test('a scenario offer document round-trips through the emulator losslessly', async () => {
  const document = {
    offerTypeId: 'microsoft-azure-virtualmachines',
    publisherId: P,
    status: 'neverPublished',
    id: 'odd',
    version: 1,
    definition: { displayText: 'Odd', 'x-z': 1, plans: [{ planId: 'p', diskGenerations: [], [IMAGES]: { '1.0.0': { osVhdUrl: SAS } } }], 'x-a': [true, null] },
  }
  await withEmulator({ scenario: scenario({ odd: { offer: document } }) }, async (emulator) => {
    const client = emulator.client()
    const offer = await client.offer(P, 'odd')
    assert.deepEqual(offer.planIds, ['p'])
    offer.definition['x-z'] = 2
    await client.putOffer(offer)
    const stored = emulator.offerDocument(P, 'odd')
    assert.deepEqual(Object.keys(stored.definition), ['displayText', 'x-z', 'plans', 'x-a'])
    assert.equal(stored.definition['x-z'], 2)
  })
})
