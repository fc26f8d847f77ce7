'use strict'
// Offer without a server: parseOffer's inputs, the definition as a plain object whose
// edits are what toJson() (and putOffer) take, lossless numbers and key order around
// JavaScript's own, SAS signatures redacted in util.inspect and in error messages.

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { inspect } = require('node:util')
const { FIXTURE_ROOT, assertSameJson, cloudpartner } = require('./support')

const { CloudPartnerError, Offer, parseOffer, parseOffers } = cloudpartner

const SECRET = 's3cr3tSIGNATURE%2B%3D'
const SAS = `https://contoso.blob.core.windows.net/vhds/os.vhd?sv=2020-08-04&sig=${SECRET}&sp=r`
const IMAGES = 'microsoft-azure-virtualmachines.vmImages'
const numbers = fs.readFileSync(path.join(FIXTURE_ROOT, 'offer', 'numbers.json'))

const vmOffer = () =>
  parseOffer(JSON.stringify({
    offerTypeId: 'microsoft-azure-virtualmachines',
    publisherId: 'contoso',
    status: 'published',
    id: 'vm',
    version: 3,
    definition: {
      displayText: 'VM',
      plans: [{ planId: 'p', [IMAGES]: { '1.0.0': { osVhdUrl: SAS, label: 'one' } }, diskGenerations: [{ planId: 'p-gen2' }] }],
    },
    changedTime: '2019-04-30T21:23:31.2134045Z',
  }))

test('parseOffer reads strings, Buffers and Uint8Arrays; not other types', () => {
  const text = numbers.toString('utf8')
  const bytes = new Uint8Array(numbers.byteLength + 3)
  bytes.set(numbers, 3)
  const offers = [parseOffer(text), parseOffer(numbers), parseOffer(bytes.subarray(3))]
  for (const offer of offers) {
    assert.ok(offer instanceof Offer)
    assert.equal(offer.toJson(), offers[0].toJson())
  }
  assert.throws(() => parseOffer({ id: 'x' }), { name: 'TypeError', message: /"input" argument/ })
  assert.throws(() => new Offer({}), { name: 'TypeError', message: /parseOffer/ })
  assert.deepEqual(parseOffers('[{"id": "a"}, {"id": "b"}]').map((o) => o.id), ['a', 'b'])
  assert.throws(() => parseOffers('{}'), (e) => e instanceof CloudPartnerError && e.kind === 'parse')
})

test('the accessors; changedTime is a Date, etag null without one', () => {
  const offer = vmOffer()
  assert.equal(offer.id, 'vm')
  assert.equal(offer.publisherId, 'contoso')
  assert.equal(offer.offerTypeId, 'microsoft-azure-virtualmachines')
  assert.equal(offer.status, 'published')
  assert.equal(offer.version, 3)
  assert.equal(offer.changedTime.toISOString(), '2019-04-30T21:23:31.213Z')
  assert.equal(offer.etag, null)
  assert.equal(offer.displayText, 'VM')
  assert.deepEqual(offer.planIds, ['p', 'p-gen2'])
  assert.equal(Object.getPrototypeOf(offer.definition), Object.prototype, 'a plain object')
})

test('edits of the definition are what toJson takes; the rest is kept to the digit', () => {
  const offer = parseOffer(numbers)
  const before = offer.toJson()
  assertSameJson(before, numbers.toString('utf8'), 'numbers.json')
  // JavaScript cannot hold these: its view of them is rounded...
  assert.equal(offer.definition.offer.u64max, 18446744073709552000)
  // ...but what it leaves alone goes back as it came.
  offer.definition.offer.tenth = 0.2
  offer.definition.offer.nested.push('new')
  offer.definition.added = { a: 1 }
  const after = JSON.parse(offer.toJson())
  assert.equal(after.definition.offer.tenth, 0.2)
  assert.deepEqual(after.definition.offer.nested, [[0, 1.25], { n: -3 }, 'new'])
  assert.deepEqual(after.definition.added, { a: 1 })
  const text = offer.toJson()
  for (const kept of ['"u64max":18446744073709551615', '"i64min":-9223372036854775808', '"float-integral":1.0', '"negative-zero":-0.0']) {
    assert.ok(text.includes(kept), `${kept} in ${text}`)
  }
  // Undoing the edits gives the document back exactly.
  offer.definition.offer.tenth = 0.1
  offer.definition.offer.nested.pop()
  delete offer.definition.added
  assert.equal(offer.toJson(), before)
  assert.equal(JSON.stringify(offer), JSON.stringify(JSON.parse(before)), 'JSON.stringify writes the document')
})

test('key order is the document\'s, integer-like keys too (JavaScript puts them first)', () => {
  const text = '{"id":"k","definition":{"b":1,"2":"two","a":{"z":0,"10":1,"1":2},"plans":[]}}'
  const offer = parseOffer(text)
  assert.deepEqual(Object.keys(offer.definition), ['2', 'b', 'a', 'plans'], "JavaScript's own order")
  assert.equal(offer.toJson(), text)
  offer.definition.a['5'] = 5
  offer.definition.c = 3
  assert.equal(offer.toJson(), '{"id":"k","definition":{"b":1,"2":"two","a":{"z":0,"10":1,"1":2,"5":5},"plans":[],"c":3}}')
})

test('a document without a definition gets one only when something is put in it', () => {
  const offer = parseOffer('{"id":"bare","publisherId":"contoso"}')
  assert.deepEqual(offer.definition, {})
  assert.equal(offer.toJson(), '{"id":"bare","publisherId":"contoso"}')
  offer.definition.displayText = 'Now'
  assert.equal(offer.displayText, 'Now')
  assert.equal(offer.toJson(), '{"id":"bare","publisherId":"contoso","definition":{"displayText":"Now"}}')
  delete offer.definition.displayText
  assert.equal(offer.toJson(), '{"id":"bare","publisherId":"contoso"}')
  offer.definition = {}
  assert.equal(offer.toJson(), '{"id":"bare","publisherId":"contoso","definition":{}}')
})

test('a definition JSON cannot hold is a TypeError when it is read', () => {
  const offer = vmOffer()
  offer.definition.big = 10n
  assert.throws(() => offer.toJson(), { name: 'TypeError', message: /offer.definition cannot be written as JSON/ })
  delete offer.definition.big
  offer.definition.self = offer.definition
  assert.throws(() => offer.planIds, { name: 'TypeError' })
  delete offer.definition.self
  offer.definition.when = new Date(0)
  assert.match(offer.toJson(), /"when":"1970-01-01T00:00:00.000Z"/)
  assert.throws(() => { offer.definition = null }, { name: 'TypeError' })
})

test('util.inspect shows sig=REDACTED: the offer, its definition, image versions', () => {
  const offer = vmOffer()
  offer.setVmImageVersion('p', { version: '2.0.0', osVhdUrl: SAS, dataDisks: [{ lun: 0, vhdUrl: SAS }] })
  const shown = [
    inspect(offer, { depth: null }),
    inspect(offer.definition, { depth: null }),
    inspect(offer.vmImageVersions('p'), { depth: null }),
    inspect(offer.removeVmImageVersion('p', '1.0.0'), { depth: null }),
    inspect({ nested: offer }, { depth: null }),
  ]
  for (const text of shown) {
    assert.ok(!text.includes(SECRET), text)
    assert.match(text, /sig=REDACTED/)
  }
  assert.match(shown[0], /^Offer \{/)
  // What is sent keeps the real value; the objects stay plain (no visible extra key).
  assert.ok(offer.toJson().includes(SECRET))
  assert.ok(JSON.stringify(offer.vmImageVersions('p')).includes(SECRET))
  assert.deepEqual(Object.keys(offer.vmImageVersions('p')[0]), [
    'version', 'osVhdUrl', 'label', 'mediaName', 'description', 'publishedDate', 'showInGui', 'dataDisks',
  ])
  assert.ok(!Object.keys(offer.definition).some((k) => typeof k !== 'string'))
})

test('error messages show sig=REDACTED', () => {
  const offer = vmOffer()
  const errors = []
  for (const fn of [
    () => offer.setVmImageVersion('p', { version: '2.0.0', osVhdUrl: SAS.replace('https:', 'http:') }),
    () => offer.setVmImageVersion('p', { version: '2.0.0', osVhdUrl: SAS, dataDisks: [{ lun: 0, vhdUrl: SAS.replace('https:', 'ftp:') }] }),
    () => offer.setVmImageVersion(`plan?sig=${SECRET}`, { version: '2.0.0', osVhdUrl: SAS }),
    () => offer.setVmImageVersion('p', SAS),
    () => offer.vmImageVersions(SAS),
    () => parseOffer(`{"id": "${SAS}", `),
  ]) {
    assert.throws(fn, (e) => {
      errors.push(e)
      return true
    })
  }
  for (const error of errors) {
    const text = `${error.message} ${inspect(error)} ${JSON.stringify(error)}`
    assert.ok(!text.includes(SECRET), text)
  }
  assert.match(errors[0].message, /sig=REDACTED/)
  assert.equal(errors[0].kind, 'invalid_argument')
  assert.ok(errors[3] instanceof TypeError)
})

test('image helpers on a parsed offer edit its definition in place', () => {
  const offer = vmOffer()
  const plan = offer.definition.plans[0]
  offer.setVmImageVersion('p-gen2', { version: '1.0.0', osVhdUrl: SAS, publishedDate: '01/02/2024' })
  assert.equal(offer.definition.plans[0], plan)
  assert.deepEqual(plan.diskGenerations[0][IMAGES]['1.0.0'], {
    osVhdUrl: SAS, publishedDate: '01/02/2024', showInGui: true, lunVhdDetails: [],
  })
  offer.deprecateVmImageVersion('p', '1.0.0')
  assert.equal(plan[IMAGES]['1.0.0'].showInGui, false)
  assert.equal(plan[IMAGES]['1.0.0'].label, 'one')
  // An edit made by hand and a helper's edit both reach the document.
  plan[IMAGES]['1.0.0'].label = 'by hand'
  offer.setVmImageVersion('p', { version: '1.1.0', osVhdUrl: SAS })
  const sent = JSON.parse(offer.toJson()).definition.plans[0][IMAGES]
  assert.equal(sent['1.0.0'].label, 'by hand')
  assert.deepEqual(Object.keys(sent), ['1.0.0', '1.1.0'])
})
