// Releases a new VM image version with one call, client.release() (the core's release
// workflow): it reads the offer, adds the image to a plan, writes the offer back
// (If-Match: the ETag read), publishes, waits for the preview, goes live and waits until
// live; this prints its progress events.
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

/** One line per phase that matters and per change of the status while waiting. */
let shown = ''
function onProgress(event) {
  if (event.kind === 'phase_finished' && event.phase === 'write') {
    console.log(`${publisher}/${offerId}: ${plan} ${version} written (offer version ${event.fields.version})`)
  } else if (event.kind === 'phase_finished' && event.phase === 'publish') {
    console.log(`publishing: ${event.fields.operation.id}`)
  } else if (event.kind === 'status') {
    const line = `  ${event.status.status} ${event.status.currentStep?.name ?? ''}`.trimEnd()
    if (line !== shown) console.log((shown = line))
  }
}

try {
  const result = await client.release(
    { publisherId: publisher, offerId, plan, version, osVhdUrl, goLive: true, notificationEmails: ['release@contoso.com'] },
    { onProgress, signal: AbortSignal.timeout(7 * 86_400_000) },
  )
  console.log(`${publisher}/${offerId}: ${result.status?.status}`)
  if (result.outcome !== 'live') {
    console.error(`the release ended ${result.outcome}${result.phase ? ` at ${result.phase}` : ''}`)
    process.exitCode = result.outcome === 'canceled' ? 4 : 3
  }
} catch (error) {
  if (!(error instanceof CloudPartnerError)) throw error
  console.error(`${error.code}: ${error.message}`)
  if (error.kind === 'conflict') console.error('the offer changed since it was read: run again to redo the change on the new one')
  process.exitCode = 1
} finally {
  await emulator?.stop()
}
