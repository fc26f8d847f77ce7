// A typed example of the public API, checked with `tsc --noEmit --strict` (never
// run): if a type in index.d.ts drifts from what users write, this stops compiling.
import {
  Client,
  CloudPartnerError,
  Emulator,
  ERROR_KINDS,
  parseOfferStatus,
  type BatchResult,
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
