// Watches an offer's publish until it ends, one line per change.
//
//   node examples/watch-publish.mjs [PUBLISHER OFFER]
//
// With CLOUDPARTNER_TOKEN set it asks the real service (CLOUDPARTNER_BASE_URL to
// override it: `new Client()` reads both); otherwise it starts the local emulator,
// whose `vm-offer` publish runs from start to live in about three seconds, and
// watches it with the emulator's own client, which polls on the emulator's clock.
import { Client, CloudPartnerError, Emulator } from 'cloudpartner'

const [publisher = 'contoso', offer = 'vm-offer'] = process.argv.slice(2)
const emulator = process.env.CLOUDPARTNER_TOKEN ? null : await Emulator.start({ timeScale: 335_400 / 3 })
const client = emulator ? emulator.client() : new Client()

const hours = (seconds) => `${(seconds / 3600).toFixed(1)} h`

try {
  for await (const status of client.watch(publisher, offer, { signal: AbortSignal.timeout(10 * 60_000) })) {
    const step = status.currentStep ? `${status.currentStep.name} (${status.currentStep.progressPercentage}%)` : ''
    const left = status.estimatedRemaining
      ? `${hours(status.estimatedRemaining.minSeconds)} to ${hours(status.estimatedRemaining.maxSeconds)} left`
      : ''
    console.log(`${status.status.padEnd(26)} ${(status.progress * 100).toFixed(0).padStart(3)}%  ${step}  ${left}`)
  }
} catch (error) {
  if (!(error instanceof CloudPartnerError)) throw error
  console.error(`${error.code}: ${error.message}`)
  process.exitCode = 1
} finally {
  await emulator?.stop()
}
