// make bench (Node part): cloudpartner against what a Node user would use instead.
//
// - parse: parseOfferStatus against JSON.parse on the reference sample (the same text);
// - fetch: client.offerStatus against fetch(...).then(r => r.json()) (undici, keep-alive)
//   against the same emulator.
//
// Both sides run in the same process, interleaved; the ratio of their medians is printed.

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Client, Emulator, parseOfferStatus } from '../node/index.mjs'

const sample = readFileSync(fileURLToPath(new URL('../fixtures/status/reference-sample.json', import.meta.url)), 'utf8')

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function perCall (fn, number) {
  const start = process.hrtime.bigint()
  for (let i = 0; i < number; i++) await fn()
  return Number(process.hrtime.bigint() - start) / 1e3 / number
}

async function compare (name, ours, theirs, theirsName, number) {
  await perCall(ours, Math.max(1, number / 10))
  await perCall(theirs, Math.max(1, number / 10))
  const a = []
  const b = []
  for (let i = 0; i < 7; i++) {
    a.push(await perCall(ours, number))
    b.push(await perCall(theirs, number))
  }
  const [x, y] = [median(a), median(b)]
  console.log(`${name.padEnd(40)} cloudpartner ${x.toFixed(2).padStart(9)} µs   ${theirsName} ${y.toFixed(2).padStart(9)} µs   ratio ${(x / y).toFixed(2)}x`)
}

console.log(`node ${process.version}`)
await compare('parse reference sample', () => parseOfferStatus(sample), () => JSON.parse(sample), 'JSON.parse', 2000)

const emulator = await Emulator.start({})
try {
  const client = new Client({ baseUrl: emulator.baseUrl, token: emulator.token })
  const url = `${emulator.baseUrl}/api/publishers/contoso/offers/running-offer/status?api-version=2017-10-31`
  const headers = { Authorization: `Bearer ${emulator.token}` }
  await compare('one call, kept-alive connection',
    () => client.offerStatus('contoso', 'running-offer'),
    () => fetch(url, { headers }).then((r) => r.json()),
    'fetch', 200)
} finally {
  await emulator.stop()
}
