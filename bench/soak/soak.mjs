// make soak, the Node form: status requests from one client, many at a time, against the
// emulator (in-process), with faults added as it goes; errors by kind, latency, memory.
//
//     node bench/soak/soak.mjs [REQUESTS]

import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { Emulator } = require('../../node')

const FAULTS = [
  { kind: 'status', status: 503, route: 'status', times: 10 },
  { kind: 'status', status: 429, retryAfterSeconds: 1, times: 3 },
  { kind: 'reset', route: 'status', times: 3 },
  { kind: 'latency', ms: 5, times: 50 },
]
const INJECTED = new Set(['server', 'throttled', 'transport'])
const CONCURRENCY = 32
const PHASES = 10

const total = Number(process.argv[2] ?? 2000)
const emulator = await Emulator.start()
const client = emulator.client()
const errors = new Map()
const took = []
const memory = []

async function one() {
  const started = performance.now()
  try {
    await client.offerStatus('contoso', 'live-offer')
  } catch (error) {
    errors.set(error.kind, (errors.get(error.kind) ?? 0) + 1)
  }
  took.push(performance.now() - started)
}

for (let phase = 0; phase < PHASES; phase++) {
  for (const fault of FAULTS) emulator.addFault(fault)
  let next = 0
  const perPhase = Math.floor(total / PHASES)
  const worker = async () => {
    while (next++ < perPhase) await one()
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  // The first phase warms up (JIT, heap sizing): measure from the second.
  if (phase === 1 || phase === PHASES - 1) {
    globalThis.gc?.()
    memory.push([took.length, process.memoryUsage().rss / 1024 / 1024])
  }
}
await emulator.stop()

took.sort((a, b) => a - b)
const shown = [...errors].map(([kind, n]) => `${n} ${kind}`).join(', ') || 'none'
console.log(`node soak: ${took.length} status requests at concurrency ${CONCURRENCY}, errors: ${shown}`)
console.log(`  p50 ${took[took.length >> 1].toFixed(1)} ms, p99 ${took[Math.floor(took.length * 0.99)].toFixed(1)} ms`)
const [[n0, m0], [n1, m1]] = memory
const growth = ((m1 - m0) / m0) * 100
console.log(`  memory ${m0.toFixed(1)} MiB after ${n0}, ${m1.toFixed(1)} MiB after ${n1} (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %)`)
const ok = [...errors.keys()].every((k) => INJECTED.has(k)) && growth <= 10
if (!ok) console.log('node soak: FAILED')
process.exitCode = ok ? 0 : 1
