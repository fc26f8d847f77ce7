'use strict'
// Every offer vector of fixtures/offer/ (DESIGN §7) through parseOffer / parseOffers: the
// summary of its expected file, the lossless round trip (key order, every digit), and
// the invalid ones failing with their position. A new vector needs no code here.

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { inspect } = require('node:util')
const { FIXTURE_ROOT, assertSameJson, cloudpartner, expectedOf, jsonTokens, vectorInputs } = require('./support')

const { CloudPartnerError, Offer, parseOffer, parseOffers } = cloudpartner
const DIR = path.join(FIXTURE_ROOT, 'offer')

/** A canonical timestamp (up to 9 fraction digits) as epoch milliseconds (truncated, as the core does). */
const millis = (text) => (text === null ? null : Date.parse(text.replace(/(\.\d{3})\d*Z$/, '$1Z')))

function summary(offer) {
  const imageVersions = {}
  const images = {}
  for (const id of offer.planIds) {
    const list = offer.vmImageVersions(id)
    imageVersions[id] = list.map((i) => i.version)
    if (list.length > 0) images[id] = list.map((i) => ({ ...i, dataDisks: i.dataDisks.map((d) => ({ ...d })) }))
  }
  return {
    id: offer.id,
    publisherId: offer.publisherId,
    offerTypeId: offer.offerTypeId,
    status: offer.status,
    version: offer.version,
    changedTime: offer.changedTime === null ? null : offer.changedTime.getTime(),
    displayText: offer.displayText,
    planIds: offer.planIds,
    imageVersions,
    images,
  }
}

/** The documents of a vector's text, each as its own JSON text (for a list: its items). */
function itemTexts(text, list) {
  if (!list) return [text]
  // Split the array's items at depth 1 with the token list, keeping each item's text.
  const items = []
  const tokens = jsonTokens(text)
  let depth = 0
  let current = []
  for (const token of tokens.slice(1, -1)) {
    if (token === ',' && depth === 0) {
      items.push(current)
      current = []
      continue
    }
    if (token === '{' || token === '[') depth++
    if (token === '}' || token === ']') depth--
    current.push(token)
  }
  if (current.length) items.push(current)
  const render = (t) => (Array.isArray(t) ? (t[0] === 's' ? JSON.stringify(t[1]) : t[1]) : t)
  return items.map((item) => item.map(render).join(''))
}

const valid = vectorInputs(DIR)
const invalid = vectorInputs(path.join(DIR, 'invalid'))

test('the offer fixtures have vectors', () => {
  assert.ok(valid.length >= 10, `only ${valid.length} valid offer vectors`)
  assert.ok(invalid.length >= 6, `only ${invalid.length} invalid offer vectors`)
})

for (const input of valid) {
  test(`offer vector ${path.basename(input)}`, () => {
    const bytes = fs.readFileSync(input)
    const want = expectedOf(input)
    const text = bytes.toString('utf8')
    const offers = want.list ? parseOffers(bytes) : [parseOffer(bytes)]
    assert.ok(offers.every((o) => o instanceof Offer))
    const expectedOffers = want.offers.map((o) => ({ ...o, changedTime: millis(o.changedTime) }))
    assert.deepEqual(offers.map(summary), expectedOffers)

    // Lossless: every key in order, every digit, every string.
    const texts = itemTexts(text, want.list)
    assert.equal(texts.length, offers.length)
    offers.forEach((offer, i) => {
      assertSameJson(offer.toJson(), texts[i], `${path.basename(input)}[${i}] toJson`)
      const again = parseOffer(offer.toJson())
      assert.equal(again.toJson(), offer.toJson(), 'parse(toJson(x)) is x')
      // An edit elsewhere leaves the rest exactly as it was.
      offer.definition.xCloudpartnerTest = true
      const edited = offer.toJson()
      delete offer.definition.xCloudpartnerTest
      assert.equal(offer.toJson(), again.toJson(), 'removing the edit gives the document back')
      assert.ok(edited.includes('"xCloudpartnerTest":true'))
      // util.inspect shows no signature; toJson keeps them.
      const shown = inspect(offer, { depth: null }) + inspect(offer.definition, { depth: null }) +
        offer.planIds.map((id) => inspect(offer.vmImageVersions(id), { depth: null })).join('')
      assert.doesNotMatch(shown, /sig=(?!REDACTED)[^&"'\s]+/i, 'a signature is shown')
    })
    if (want.byteForByte) assert.equal(offers[0].toJson(), text.replace(/\n$/, ''), 'byte for byte')
  })
}

for (const input of invalid) {
  test(`invalid offer vector ${path.basename(input)}`, () => {
    const want = expectedOf(input)
    assert.throws(() => parseOffer(fs.readFileSync(input)), (error) => {
      assert.ok(error instanceof CloudPartnerError, String(error))
      assert.equal(error.kind, want.kind)
      assert.equal(error.line, want.line)
      assert.equal(error.column, want.column)
      return true
    })
  })
}
