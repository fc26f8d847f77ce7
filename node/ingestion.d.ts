// Types of `require('cloudpartner').ingestion`: the Product Ingestion API (DESIGN §10).
// The state unions come from the core's tables (tables.d.ts), with 'unknown' for a
// value the core does not know (spelled as sent in the `raw…` fields).

import type {
  KnownJobResult,
  KnownJobStatus,
  KnownLifecycleState,
  KnownProductStage,
  KnownSubmissionResult,
  KnownSubmissionStatus,
  KnownTarget,
  ReleaseEventKind,
  ReleaseOutcomeKind,
  ReleasePhase,
} from './tables'
import type { RequestOptions, TokenCredential } from './index'

export type { KnownJobResult, KnownJobStatus, KnownLifecycleState, KnownProductStage, KnownSubmissionResult, KnownSubmissionStatus, KnownTarget }

export type JobStatus = KnownJobStatus | 'unknown'
export type JobResult = KnownJobResult | 'unknown'
export type SubmissionStatus = KnownSubmissionStatus | 'unknown'
export type SubmissionResult = KnownSubmissionResult | 'unknown'
export type Target = KnownTarget | 'unknown'
export type LifecycleState = KnownLifecycleState | 'unknown'
export type ProductStage = KnownProductStage | 'unknown'

/** The options of `new IngestionClient()`: Client's, with this API's base URL and `$version`. */
export interface IngestionClientOptions {
  /** A Microsoft Graph token obtained elsewhere; not with `credential`. */
  token?: string
  /** An @azure/identity TokenCredential, asked for https://graph.microsoft.com/.default. */
  credential?: TokenCredential
  /** Default: CLOUDPARTNER_INGESTION_URL, else https://graph.microsoft.com/rp/product-ingestion. */
  baseUrl?: string
  /** The `$version` sent (default 2022-07-01). */
  version?: string
  timeoutMs?: number
  connectTimeoutMs?: number
  maxRetries?: number
  allowHttp?: boolean
}

/** A resource document: the JSON object as sent (it differs per type). */
export type ResourceDocument = Record<string, any>

/**
 * A resource, kept as the service sent it — every field in order, numbers exact — with
 * `definition` (the whole document) as a plain object to edit in place; `configure()`
 * and `toJson()` take it as it is then.
 */
export declare class Resource {
  protected constructor()
  /** The durable id (`plan/<guid>/<guid>`); '' when it has none yet. */
  readonly id: string
  readonly schema: string
  /** The type its `$schema` names (`product`, `plan`, ...). */
  readonly type: string
  definition: ResourceDocument
  toJson(): string
  toJSON(): ResourceDocument
}

/** A product (an offer in Partner Center). */
export declare class Product extends Resource {
  /** The offer id. */
  readonly externalId: string
  readonly alias: string
  /** `azureVirtualMachine`, ... */
  readonly productType: string
  readonly lifecycleState: LifecycleState
}

export interface DataDisk {
  /** 0 to 15. */
  lun: number
  uri: string
}

export interface VmImage {
  /** `x64Gen1`, `x64Gen2`, `arm64Gen2`. */
  imageType: string
  /** `sasUri` or `sharedImageGallery`. */
  sourceType: string
  osDiskUri: string
  dataDisks: DataDisk[]
  sharedImageTenantId: string
  sharedImageResourceId: string
}

export interface DeprecationSchedule {
  date: string
  dateOffset: string
  /** `criticalSecurityIssue`, `endOfSupport`, `other`. */
  reason: string
}

export interface VmImageVersion {
  /** `N.N.N`. */
  versionNumber: string
  lifecycleState: LifecycleState | null
  images: VmImage[]
  deprecationSchedule: DeprecationSchedule | null
}

/** A version to add or replace: one image per image type of the plan's SKUs. */
export interface VmImageVersionInit {
  versionNumber: string
  images: Array<Pick<VmImage, 'imageType'> & Partial<VmImage>>
  lifecycleState?: KnownLifecycleState
  deprecationSchedule?: Partial<DeprecationSchedule>
}

/** A plan's VM technical configuration, with the image helpers (the list is full-state). */
export declare class TechnicalConfiguration extends Resource {
  readonly planId: string
  skus(): Array<{ imageType: string; skuId: string }>
  imageTypes(): string[]
  vmImageVersions(): VmImageVersion[]
  /** The versions the preview and live trees hold; null when not known (a parsed tree). */
  publishedVersions(): string[] | null
  setVmImageVersion(version: VmImageVersionInit): void
  deprecateVmImageVersion(versionNumber: string, options?: { reason?: string; dateOffset?: string }): void
  restoreVmImageVersion(versionNumber: string): void
  /** Only a version never published (else kind 'invalid_argument'). */
  removeVmImageVersion(versionNumber: string): VmImageVersion
}

/** A product's resources for one target. */
export declare class ResourceTree {
  private constructor()
  /** The product's durable id. */
  readonly root: string
  readonly target: Target
  readonly resources: Resource[]
  readonly product: Product | null
  readonly plans: Resource[]
  readonly planIds: string[]
  readonly submission: Resource | null
  technicalConfiguration(planId: string): TechnicalConfiguration
  /** The tree exactly as sent. */
  toJson(): string
  toJSON(): ResourceDocument
}

export interface JobError {
  code: string
  message: string
  resourceId: string | null
  details: JobError[]
  isCertification: boolean
  /** It and its details, two spaces a level: `code: message (resourceId)`. */
  lines: string[]
}

/** A configure job. A failed job is a result: see `succeeded` and `errors`. */
export interface Job {
  id: string
  status: JobStatus
  result: JobResult
  rawStatus: string
  rawResult: string
  start: Date | null
  end: Date | null
  errors: JobError[]
  isDone: boolean
  succeeded: boolean
  isCertificationFailure: boolean
}

export interface Submission {
  id: string
  product: string
  target: Target
  status: SubmissionStatus | null
  result: SubmissionResult | null
  created: Date | null
  inProgress: boolean
  succeeded: boolean
  failed: boolean
}

/** Where a product stands. */
export interface ProductStatus {
  product: string
  preview: Submission | null
  live: Submission | null
  stage: ProductStage
  isTerminal: boolean
  needsPublisherAction: boolean
  inProgress: boolean
}

/** A product argument: a Product, an offer id, or a durable id `product/<guid>`. */
export type ProductArgument = Product | string

export interface WaitOptions extends RequestOptions {
  minIntervalMs?: number
  maxIntervalMs?: number
  timeoutMs?: number
}

export interface ProductWatchOptions extends WaitOptions {
  /** 'terminal' (default) or 'review' (stop when a preview waits for go-live). */
  until?: 'terminal' | 'review'
}

export interface ProductWatch extends AsyncIterableIterator<ProductStatus> {
  next(): Promise<IteratorResult<ProductStatus, undefined>>
  return<T = undefined>(value?: T): Promise<IteratorReturnResult<T>>
  close(): void
  [Symbol.asyncIterator](): ProductWatch
}

export interface ReleaseRequest {
  /** The offer id (or `product/<guid>`). */
  offerId: string
  plan: string
  /** `N.N.N`. */
  version: string
  /** An https URL, usually with a SAS token (never shown: sig=REDACTED). */
  osDiskUri: string
  /** Another OS disk for the x64Gen2 SKU. */
  gen2OsDiskUri?: string
  dataDisks?: DataDisk[]
  goLive?: boolean
  dryRun?: boolean
}

export interface ReleaseEvent {
  kind: ReleaseEventKind
  phase: ReleasePhase
  summary?: string
  fields?: Record<string, unknown>
  status?: ProductStatus
}

export interface ReleaseOptions extends WaitOptions {
  /** Each event, in order; if it throws, the release stops and rejects with what it threw. */
  onProgress?: (event: ReleaseEvent) => void
}

export interface ReleaseResult {
  outcome: ReleaseOutcomeKind
  status: ProductStatus | null
  diff: string | null
  /** The failed or canceled job. */
  job: Job | null
  phase?: ReleasePhase
}

/** A client of the Product Ingestion API. Every call takes `{ signal }`. */
export declare class IngestionClient {
  constructor(options?: IngestionClientOptions)
  readonly baseUrl: string
  readonly version: string
  readonly credentialSource: string
  readonly pollTimeScale: number
  products(options?: RequestOptions & { pageSize?: number }): Promise<Product[]>
  product(offerId: string, options?: RequestOptions): Promise<Product>
  plans(product: ProductArgument, options?: RequestOptions): Promise<Resource[]>
  resourceTree(product: ProductArgument, options?: RequestOptions & { target?: KnownTarget }): Promise<ResourceTree>
  resource(durableId: string, options?: RequestOptions): Promise<Resource>
  configure(resources: ReadonlyArray<Resource | ResourceDocument>, options?: RequestOptions): Promise<Job>
  job(job: Job | string, options?: RequestOptions): Promise<Job>
  jobDetail(job: Job | string, options?: RequestOptions): Promise<Resource[]>
  cancelJob(job: Job | string, options?: RequestOptions): Promise<Job>
  waitForJob(job: Job | string, options?: WaitOptions): Promise<Job>
  submissions(product: ProductArgument, options?: RequestOptions): Promise<Submission[]>
  productStatus(product: ProductArgument, options?: RequestOptions): Promise<ProductStatus>
  publish(product: ProductArgument, options?: RequestOptions): Promise<Job>
  goLive(product: ProductArgument, options?: RequestOptions): Promise<Job>
  watch(product: ProductArgument, options?: ProductWatchOptions): ProductWatch
  release(request: ReleaseRequest, options?: ReleaseOptions): Promise<ReleaseResult>
}

type Input = string | Uint8Array
export declare function parseResourceTree(input: Input): ResourceTree
export declare function parseResource(input: Input): Resource
export declare function parseJob(input: Input): Job
export declare function parseSubmissions(input: Input): Submission[]
export declare function parseProductStatus(input: Input, product?: string): ProductStatus
export declare function parsePage(input: Input): { resources: Resource[]; nextLink: string | null }
