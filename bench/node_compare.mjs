// make bench (Node part): cloudpartner against what a Node user would use instead.
//
// - parse: parseOfferStatus against JSON.parse on the reference sample (the same text).
//   A status is read lazily: parseOfferStatus checks the document (a full JSON read
//   that keeps nothing) and the core's typed reading is done on first use;
// - parse and read every field: the same, then every field of the status, its steps
//   and messages read, against JSON.parse and reading the same keys of the raw tree;
// - fetch: client.offerStatus against fetch(...) + JSON.parse (undici, keep-alive)
//   against the same emulator, on kept-alive connections.
//
// Both sides run in the same process, interleaved; the ratio of their medians is printed
// (cloudpartner's time over theirs: below 1 is faster). Run with the release addon.

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Client, Emulator, parseOfferStatus } from '../node/index.mjs'

const sample = readFileSync(fileURLToPath(new URL('../fixtures/status/reference-sample.json', import.meta.url)), 'utf8')

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]

let sink = 0

function perCallSync (fn, number) {
  const start = process.hrtime.bigint()
  for (let i = 0; i < number; i++) sink += fn() ? 1 : 0
  return Number(process.hrtime.bigint() - start) / 1e3 / number
}

async function perCallAsync (fn, number) {
  const start = process.hrtime.bigint()
  for (let i = 0; i < number; i++) sink += (await fn()) ? 1 : 0
  return Number(process.hrtime.bigint() - start) / 1e3 / number
}

async function compare (name, ours, theirs, theirsName, number, perCall) {
  await perCall(ours, Math.max(1, number / 5))
  await perCall(theirs, Math.max(1, number / 5))
  const a = []
  const b = []
  for (let i = 0; i < 9; i++) {
    a.push(await perCall(ours, number))
    b.push(await perCall(theirs, number))
  }
  const [x, y] = [median(a), median(b)]
  console.log(`${name.padEnd(40)} cloudpartner ${x.toFixed(2).padStart(9)} µs   ${theirsName} ${y.toFixed(2).padStart(9)} µs   ratio ${(x / y).toFixed(2)}x`)
  return x / y
}

/** Reads every field of an OfferStatus (steps and messages included). */
function readStatus (s) {
  let n = s.status.length + s.rawStatus.length + s.notificationEmails.length + s.previewLinks.length + s.liveLinks.length
  n += (s.isTerminal ? 1 : 0) + (s.needsPublisherAction ? 1 : 0) + s.progress + (s.currentStep ? 1 : 0) + (s.estimatedRemaining ? 1 : 0)
  for (const m of s.messages) n += m.html.length + m.text.length + m.level.length + m.rawLevel.length + (m.timestamp ? 1 : 0)
  for (const step of s.steps) {
    n += step.id.length + step.name.length + step.description.length + step.status.length + step.rawStatus.length + step.progressPercentage
    const f = step.estimatedTimeFrame
    if (f) n += f.raw.length + (f.minSeconds ?? 0) + (f.maxSeconds ?? 0)
    for (const m of step.messages) n += m.html.length + m.text.length + m.level.length + m.rawLevel.length + (m.timestamp ? 1 : 0)
  }
  return n
}

/** Reads the same keys of the raw document. */
function readRaw (d) {
  let n = d.status.length + d.notificationEmails.length + d.previewLinks.length + d.liveLinks.length
  for (const m of d.messages) n += m.messageHtml.length + m.level.length + m.timestamp.length
  for (const step of d.steps) {
    n += step.id.length + step.stepName.length + step.description.length + step.status.length + step.progressPercentage
    n += step.estimatedTimeFrame.length
    for (const m of step.messages) n += m.messageHtml.length + m.level.length + m.timestamp.length
  }
  return n
}

console.log(`node ${process.version}`)
const ratio = await compare('parse reference sample', () => parseOfferStatus(sample), () => JSON.parse(sample), 'JSON.parse', 4000, perCallSync)
await compare('parse and read every field', () => readStatus(parseOfferStatus(sample)), () => readRaw(JSON.parse(sample)), 'JSON.parse+read', 2000, perCallSync)

const emulator = await Emulator.start({})
try {
  const client = new Client({ baseUrl: emulator.baseUrl, token: emulator.token })
  const url = `${emulator.baseUrl}/api/publishers/contoso/offers/running-offer/status?api-version=2017-10-31`
  const headers = { Authorization: `Bearer ${emulator.token}` }
  await compare('one call, kept-alive connection',
    () => client.offerStatus('contoso', 'running-offer'),
    () => fetch(url, { headers }).then((r) => r.text()).then(JSON.parse),
    'fetch+JSON.parse', 200, perCallAsync)
} finally {
  await emulator.stop()
}
console.log(`parseOfferStatus / JSON.parse: ${ratio.toFixed(2)}x (the goal: at most 1.50x)${sink < 0 ? '' : ''}`)
