// A typed example of the public API, checked with `tsc --noEmit --strict` (never
// run): if a type in index.d.ts drifts from what users write, this stops compiling.
import {
  Client,
  CloudPartnerError,
  Emulator,
  ERROR_KINDS,
  Offer,
  Operation,
  parseOffer,
  parseOffers,
  parseOfferStatus,
  parseOperation,
  parseOperations,
  type BatchResult,
  type DataDisk,
  type Fault,
  type OfferDefinition,
  type OfferSlot,
  type OperationRef,
  type Publisher,
  type RecordedRequest,
  type ReleaseEvent,
  type ReleaseEventKind,
  type ReleaseOptions,
  type ReleaseOutcomeKind,
  type ReleasePhase,
  type ReleaseRequest,
  type ReleaseResult,
  type RequestOptions,
  type Scenario,
  type VmImageVersion,
  type VmImageVersionInit,
  type ErrorCode,
  type ErrorKind,
  type KnownOfferState,
  type MessageLevel,
  type OfferState,
  type OfferStatus,
  type OperationState,
  type Step,
  type StepState,
  type TokenCredential,
  type Watch,
} from 'cloudpartner'

// The unions come from the core's lists (tables.d.ts); the states add 'unknown'.
const conflict: ErrorKind = 'conflict'
const conflictCode: ErrorCode = 'ERR_CLOUDPARTNER_CONFLICT'
const operation: OperationState[] = ['notStarted', 'running', 'completed', 'failed', 'canceled', 'unknown']
const level: MessageLevel = 'unknown'
const known: KnownOfferState = 'waitingForPublisherReview'
// @ts-expect-error 'unknown' is not one of the core's offer states
const notKnown: KnownOfferState = 'unknown'
// @ts-expect-error a kind the core does not have
const notAKind: ErrorKind = 'gone'
export const names = [conflict, conflictCode, operation, level, known, notKnown, notAKind]

const credential: TokenCredential = {
  async getToken(scopes: string | string[]) {
    return { token: `token-for-${String(scopes)}`, expiresOnTimestamp: Date.now() + 3_600_000 }
  },
}

function describe(status: OfferStatus): string {
  const state: OfferState = status.status
  const step: Step | null = status.currentStep
  const stepState: StepState | undefined = step?.status
  const frame = step?.estimatedTimeFrame
  const max: number | null | undefined = frame?.maxSeconds
  const left = status.estimatedRemaining ? `${status.estimatedRemaining.minSeconds}-${status.estimatedRemaining.maxSeconds} s` : 'unknown'
  const when: Date | null = status.messages[0]?.timestamp ?? null
  return `${state} ${stepState ?? '-'} ${max ?? '?'} ${left} ${(status.progress * 100).toFixed(0)}% ${when?.toISOString() ?? ''} ${status.toJson().length}`
}

function onError(error: unknown): string {
  if (error instanceof CloudPartnerError) {
    const kind: ErrorKind = error.kind
    const status: number | null = error.statusCode
    switch (kind) {
      case 'not_found':
        return `no such offer (${error.code}, request ${error.requestId ?? '-'})`
      case 'throttled':
        return `slow down: ${error.retryAfterMs ?? 0} ms (${status})`
      default:
        return `${kind}: ${error.message} ${error.apiCode ?? ''}`
    }
  }
  throw error
}

export async function main(): Promise<void> {
  const emulator = await Emulator.start({ scenario: { publishers: {} }, timeScale: 1000 })
  try {
    const client = new Client({ baseUrl: emulator.baseUrl, token: emulator.token, timeoutMs: 5000, maxRetries: 2 })
    const withCredential = new Client({ baseUrl: emulator.baseUrl, credential })
    const fromEnvironment = new Client()
    const own: Client = emulator.client({ maxRetries: 0 })
    console.log(fromEnvironment.credentialSource, own.pollTimeScale === emulator.timeScale)
    console.log(describe(await client.offerStatus('contoso', 'live-offer')))
    const results: BatchResult[] = await withCredential.offerStatuses('contoso', ['a', 'b'], { concurrency: 2 })
    for (const result of results) {
      console.log(result.offerId, result.status ? describe(result.status) : onError(result.error))
    }
    const controller = new AbortController()
    for await (const status of client.watch('contoso', 'vm-offer', { until: 'review', minIntervalMs: 100, signal: controller.signal })) {
      console.log(describe(status))
      if (status.needsPublisherAction) controller.abort()
    }
    const watch: Watch = own.watch('contoso', 'review-offer')
    const first: IteratorResult<OfferStatus, undefined> = await watch.next()
    if (!first.done) console.log(describe(first.value))
    watch.close()
    const after: IteratorResult<OfferStatus, undefined> = await watch.next()
    console.log(after.done, (await watch.return()).done)
    console.log(parseOfferStatus(Buffer.from('{"status":"running"}'), { strict: true }).isTerminal, ERROR_KINDS.length)
    emulator.addFault({ kind: 'latency', ms: 10 })
    console.log(emulator.requests().map((r) => r.headers['user-agent']))
  } catch (error) {
    console.error(onError(error))
  } finally {
    await emulator.stop()
    await emulator.stop()
  }
  console.log(emulator.requests().length)
}

// The publishing API (DESIGN §8), typed.
export async function release(client: Client, signal: AbortSignal): Promise<string> {
  const options: RequestOptions = { signal }
  const publishers: Publisher[] = await client.publishers(options)
  const first: string = publishers[0]?.sellerId ?? ''
  const offers: Offer[] = await client.offers('contoso', { signal })
  const slot: OfferSlot = 'preview'
  const preview: Offer = await client.offer('contoso', 'vm-release', { slot, signal })
  const past: Offer = await client.offer('contoso', 'vm-release', { version: preview.version - 1 })
  // @ts-expect-error not a slot
  await client.offer('contoso', 'vm-release', { slot: 'staging' })

  const offer = await client.offer('contoso', 'vm-release')
  const etag: string | null = offer.etag
  const changed: Date | null = offer.changedTime
  const definition: OfferDefinition = offer.definition
  definition.displayText = 'Edited'
  offer.definition.plans[0]['x-note'] = 1
  const disk: DataDisk = { lun: 0, vhdUrl: 'https://a/d.vhd' }
  const image: VmImageVersionInit = { version: '2.0.0', osVhdUrl: 'https://a/os.vhd', dataDisks: [disk] }
  offer.setVmImageVersion('standard', image)
  // @ts-expect-error an image needs its OS disk
  offer.setVmImageVersion('standard', { version: '2.0.0' })
  const versions: VmImageVersion[] = offer.vmImageVersions('standard')
  const shown: boolean = versions[0]?.showInGui ?? true
  const removed: VmImageVersion = offer.removeVmImageVersion('standard', '1.0.0', { force: true })
  offer.deprecateVmImageVersion('standard', '1.1.0')
  const plans: string[] = offer.planIds
  const stored: Offer = await client.putOffer(offer, { signal })
  await client.putOffer(stored, { ifMatch: stored.etag ?? '*' })
  await client.putOffer(stored, { force: true })
  await client.putOffer(parseOffer(Buffer.from('{"id": "new", "publisherId": "contoso"}')), { create: true })

  const ref: OperationRef = await client.publish('contoso', 'vm-release', { notificationEmails: ['a@contoso.com'], signal })
  await client.publish('contoso', 'vm-release', { notificationEmails: 'a@contoso.com, b@contoso.com' })
  const live: OperationRef = await client.goLive('contoso', 'vm-release', { signal })
  const canceled: OperationRef | null = await client.cancel('contoso', 'vm-release', { notificationEmails: [] })
  const running: Operation[] = await client.operations('contoso', 'vm-release', { state: 'running', signal })
  // @ts-expect-error not an operation state
  await client.operations('contoso', 'vm-release', { state: 'paused' })
  const one: Operation = await client.operation('contoso', 'vm-release', ref.id, { signal })
  const followed: Operation = await client.operationAt(live)
  const byUrl: Operation = await client.operationAt(live.url, { signal })
  const state: OperationState = followed.state
  const when: Date | null = byUrl.lastAction
  const steps: number = one.detail?.steps.length ?? 0
  const offerVersion: number | null = one.offerVersion
  try {
    await client.putOffer(offer)
  } catch (error) {
    if (error instanceof CloudPartnerError && error.kind === 'conflict') console.log('read it again')
  }
  const parsed: Operation[] = [parseOperation('{"id": "x"}'), ...parseOperations(Buffer.from('[]'))]
  const listed: Offer[] = parseOffers('[]')
  return [first, offers.length, past.version, etag, changed, shown, removed.version, plans, canceled?.id, running.length,
    state, when, steps, offerVersion, parsed.length, listed.length, offer.toJson(), JSON.stringify(offer)].join(' ')
}

export async function emulatorOfTheRelease(): Promise<RecordedRequest[]> {
  const fault: Fault = { kind: 'status', status: 503, route: 'publish', times: 1 }
  const scenario: Scenario = {
    locationForm: 'legacy',
    omitEtag: true,
    publishers: { contoso: { offers: { mine: { offer: { id: 'mine', publisherId: 'contoso' }, omitEtag: false } } } },
    faults: [fault],
  }
  const emulator = await Emulator.start({ scenario, timeScale: 100_000 })
  const document: Record<string, unknown> | null = emulator.offerDocument('contoso', 'mine', { slot: 'draft' })
  emulator.setOfferDocument('contoso', 'mine', { ...document, version: 2 })
  const etag: string | null = emulator.offerEtag('contoso', 'mine')
  console.log(etag, await release(emulator.client(), AbortSignal.timeout(60_000)))
  await emulator.stop()
  const requests = emulator.requests()
  const body: Buffer | null = requests[0]?.body ?? null
  console.log(body?.length)
  return requests
}

export async function releaseInOneCall(client: Client, signal: AbortSignal): Promise<string> {
  const request: ReleaseRequest = {
    publisherId: 'contoso',
    offerId: 'vm-release',
    plan: 'standard',
    version: '2.0.0',
    osVhdUrl: 'https://contoso.blob.core.windows.net/vhds/os.vhd',
    dataDisks: [{ lun: 0, vhdUrl: 'https://contoso.blob.core.windows.net/vhds/data0.vhd' }],
    goLive: true,
    notificationEmails: ['release@contoso.com'],
  }
  const seen: ReleasePhase[] = []
  const options: ReleaseOptions = {
    signal,
    minIntervalMs: 100,
    timeoutMs: 60_000,
    onProgress: (event: ReleaseEvent) => {
      const kind: ReleaseEventKind = event.kind
      const state: OfferState | undefined = event.status?.status
      seen.push(event.phase)
      console.log(kind, event.summary ?? '', event.fields?.version, state)
    },
  }
  const result: ReleaseResult = await client.release(request, options)
  const outcome: ReleaseOutcomeKind = result.outcome
  const diff: string | null = (await client.release({ ...request, dryRun: true })).diff
  const failedAt: ReleasePhase | undefined = result.phase
  const operation: OperationRef | undefined = result.operation
  return [outcome, result.status?.status, diff, failedAt, operation?.id, seen.join(',')].join(' ')
}

// The Product Ingestion API: typed end to end.
import { IngestionClient, ingestion } from 'cloudpartner'

export async function releaseThroughIngestion(emulator: Emulator): Promise<string> {
  const client: IngestionClient = emulator.ingestionClient()
  const controller = new AbortController()
  const product: ingestion.Product = await client.product('vm-release', { signal: controller.signal })
  const tree = await client.resourceTree(product, { target: 'draft' })
  const config: ingestion.TechnicalConfiguration = tree.technicalConfiguration('standard')
  config.setVmImageVersion({ versionNumber: '2.0.0', images: config.imageTypes().map((imageType) => ({ imageType, osDiskUri: 'https://x/y.vhd' })) })
  const job: ingestion.Job = await client.waitForJob(await client.configure([config]), { maxIntervalMs: 1000 })
  const errors: string[] = job.errors.flatMap((e) => e.lines)
  const stage: ingestion.ProductStage = (await client.productStatus('vm-release')).stage
  // @ts-expect-error a stage the core does not have
  const notAStage: ingestion.KnownProductStage = 'published'
  for await (const status of client.watch('vm-release', { until: 'review', signal: controller.signal })) {
    const preview: ingestion.Submission | null = status.preview
    void preview
  }
  const result: ingestion.ReleaseResult = await client.release(
    { offerId: 'vm-release', plan: 'standard', version: '2.0.0', osDiskUri: 'https://x/y.vhd', goLive: true },
    { onProgress: (e: ingestion.ReleaseEvent) => void e.status?.stage, signal: controller.signal },
  )
  return `${result.outcome} ${stage} ${errors.length} ${notAStage} ${result.job?.isCertificationFailure}`
}
