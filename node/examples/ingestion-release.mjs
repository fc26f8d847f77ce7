// Releases image 2.0.0 of plan `standard` of the product `vm-release` through the
// Product Ingestion API, on the emulator: `node examples/ingestion-release.mjs`.
// For the service, `new IngestionClient()` (a Microsoft Graph token from the
// environment or the Azure CLI) in place of the emulator's client. Ctrl-C stops it;
// run it again and it goes on where it stopped (what is done is not sent again).
import { CloudPartnerError, Emulator } from 'cloudpartner'

const vhd = 'https://contoso.blob.core.windows.net/vhds/os-2.0.0.vhd?sv=2024-08-04&sr=b&sig=s3cr3t'
const controller = new AbortController()
const onInterrupt = () => controller.abort()
process.once('SIGINT', onInterrupt)

const emulator = await Emulator.start({ timeScale: 1_000_000 })
try {
  const result = await emulator.ingestionClient().release(
    { offerId: 'vm-release', plan: 'standard', version: '2.0.0', osDiskUri: vhd, goLive: true },
    {
      signal: controller.signal,
      onProgress(event) {
        if (event.kind === 'phase_finished') console.log(`${event.phase.padEnd(8)} ${event.summary}`)
        else if (event.kind === 'status') console.log(`${event.phase.padEnd(8)} ${event.status.stage}`)
      },
    },
  )
  for (const line of result.job?.errors.flatMap((e) => e.lines) ?? []) console.error(line)
  console.log(`vm-release: ${result.outcome} (${result.status?.stage})`)
  if (result.outcome !== 'live') process.exitCode = 3
} catch (error) {
  if (!(error instanceof CloudPartnerError)) throw error
  console.error(error.message)
  process.exitCode = error.kind === 'canceled' ? 4 : 1
} finally {
  process.off('SIGINT', onInterrupt)
  await emulator.stop()
}
