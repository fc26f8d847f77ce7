// Releases a new VM image version: reads the offer, adds the image to a plan, writes the
// offer back (If-Match: the ETag read), publishes, waits for the preview, goes live and
// waits until live.
//
//   node examples/release.mjs [PUBLISHER OFFER PLAN VERSION OS_VHD_URL]
//
// With CLOUDPARTNER_TOKEN set it talks to the service (CLOUDPARTNER_BASE_URL to override
// it: `new Client()` reads both); otherwise it starts the local emulator, 100 000 times
// faster than real time, and releases `contoso/vm-release` with the emulator's own
// client, which polls on the emulator's clock.
import { Client, CloudPartnerError, Emulator } from 'cloudpartner'

const [
  publisher = 'contoso',
  offerId = 'vm-release',
  plan = 'standard',
  version = '2.0.0',
  osVhdUrl = 'https://example.blob.core.windows.net/vhds/os.vhd?sv=2024-08-04&sr=b&sig=s3cr3t',
] = process.argv.slice(2)

const emulator = process.env.CLOUDPARTNER_TOKEN ? null : await Emulator.start({ timeScale: 100_000 })
const client = emulator ? emulator.client() : new Client()

/** Watches until review (or the end) and gives the last status; one line per change. */
async function wait(until) {
  let last = null
  let shown = ''
  for await (const status of client.watch(publisher, offerId, { until, signal: AbortSignal.timeout(7 * 86_400_000) })) {
    const line = `  ${status.status} ${status.currentStep?.name ?? ''}`.trimEnd()
    if (line !== shown) console.log((shown = line))
    last = status
  }
  return last
}

try {
  const offer = await client.offer(publisher, offerId)
  offer.setVmImageVersion(plan, { version, osVhdUrl })
  const stored = await client.putOffer(offer)
  console.log(`${publisher}/${offerId}: ${plan} ${version} written (offer version ${stored.version})`)

  const publish = await client.publish(publisher, offerId, { notificationEmails: ['release@contoso.com'] })
  console.log(`publishing: ${publish.id}`)
  const review = await wait('review')
  if (review?.status !== 'waitingForPublisherReview') throw new Error(`the publish ended ${review?.status}`)

  await client.goLive(publisher, offerId)
  const live = await wait('terminal')
  console.log(`${publisher}/${offerId}: ${live?.status}`)
  if (live?.status !== 'succeeded') process.exitCode = 3
} catch (error) {
  if (!(error instanceof CloudPartnerError)) throw error
  console.error(`${error.code}: ${error.message}`)
  if (error.kind === 'conflict') console.error('the offer changed since it was read: run again to redo the change on the new one')
  process.exitCode = 1
} finally {
  await emulator?.stop()
}
