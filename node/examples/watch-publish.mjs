// Watches an offer's publish until it ends, one line per change.
//
//   node examples/watch-publish.mjs [PUBLISHER OFFER]
//
// With CLOUDPARTNER_TOKEN set it asks the real service (CLOUDPARTNER_BASE_URL to
// override it); otherwise it starts the local emulator, whose `vm-offer` publish runs
// from start to live in about three seconds.
import { Client, CloudPartnerError, Emulator } from 'cloudpartner'

const [publisher = 'contoso', offer = 'vm-offer'] = process.argv.slice(2)
const token = process.env.CLOUDPARTNER_TOKEN
const emulator = token ? null : await Emulator.start({ timeScale: 335_400 / 3 })
const client = emulator
  ? new Client({ baseUrl: emulator.baseUrl, token: emulator.token })
  : new Client({ token, baseUrl: process.env.CLOUDPARTNER_BASE_URL })

const hours = (seconds) => `${(seconds / 3600).toFixed(1)} h`

try {
  // The emulator's clock runs fast: poll it often. The service: the default intervals.
  const watch = client.watch(publisher, offer, {
    ...(emulator ? { minIntervalMs: 50, maxIntervalMs: 200 } : {}),
    signal: AbortSignal.timeout(10 * 60_000),
  })
  for await (const status of watch) {
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
