'use strict'
// IngestionClient against the emulator: every method of DESIGN §10's table, the
// resources as plain objects edited in place, the product argument in its three
// forms, {signal} on every call, and the emulator's ingestion handles.

const test = require('node:test')
const assert = require('node:assert/strict')
const { cloudpartner, within, withEmulator } = require('./support')

const { CloudPartnerError, IngestionClient, ingestion } = cloudpartner
const FAST = { timeScale: 1e6 }
const GRAPH_SCOPE = 'https://graph.microsoft.com/.default'
const OS_DISK = 'https://contoso.blob.core.windows.net/vhds/2.0.0.vhd?sv=1&sig=s3cr3tSIG'

/** A version of `config` for every image type of its SKUs. */
const version = (config, versionNumber, uri = OS_DISK) => ({
  versionNumber,
  images: config.imageTypes().map((imageType) => ({ imageType, osDiskUri: uri })),
})

/** The configure requests' resource types (`submission:preview`, ...). */
function configures(emulator) {
  return emulator
    .requests()
    .filter((r) => r.method === 'POST' && /\/configure\/?$/.test(r.path))
    .flatMap((r) =>
      JSON.parse(r.body.toString()).resources.map((res) => {
        const type = res.$schema.split('/schema/')[1].split('/')[0]
        return res.target ? `${type}:${res.target.targetType}` : type
      }),
    )
}

test('the emulator gives its ingestion base URL and a ready IngestionClient; the top level and the namespace are one class', async () => {
  assert.equal(IngestionClient, ingestion.IngestionClient)
  await withEmulator(FAST, async (emulator) => {
    assert.equal(emulator.ingestionBaseUrl, `${emulator.baseUrl}/rp/product-ingestion`)
    const client = emulator.ingestionClient()
    assert.ok(client instanceof IngestionClient)
    assert.equal(client.baseUrl, emulator.ingestionBaseUrl)
    assert.equal(client.version, '2022-07-01')
    assert.equal(client.pollTimeScale, 1e6)
    const other = emulator.ingestionClient({ version: '2022-03-01-preview2' })
    assert.equal(other.version, '2022-03-01-preview2')
    await other.products()
    assert.ok(emulator.requests().some((r) => (r.query ?? '').includes('2022-03-01-preview2')))
  })
})

test('new IngestionClient({...}) takes the options of Client with baseUrl and version; a credential is asked for the Graph scope', async () => {
  await withEmulator(FAST, async (emulator) => {
    const scopes = []
    const credential = { getToken: async (s) => (scopes.push(s), { token: emulator.token, expiresOnTimestamp: Date.now() + 3600e3 }) }
    const client = new IngestionClient({ baseUrl: emulator.ingestionBaseUrl, credential, timeoutMs: 10_000, maxRetries: 1 })
    const products = await client.products()
    assert.deepEqual(products.map((p) => p.externalId).sort(), ['vm-new', 'vm-release'])
    assert.deepEqual(scopes, [[GRAPH_SCOPE]])
    assert.throws(() => new IngestionClient({ apiVersion: 'x' }), { name: 'TypeError', code: 'ERR_INVALID_ARG_VALUE' })
    assert.throws(() => new IngestionClient({ token: ' ' }), { kind: 'invalid_argument' })
    assert.throws(() => new IngestionClient({ token: 't', timeoutMs: 0 }), { kind: 'invalid_argument' })
    const unreachable = new IngestionClient({ token: 't', baseUrl: 'https://graph.example/rp/product-ingestion' })
    assert.equal(unreachable.baseUrl, 'https://graph.example/rp/product-ingestion')
  })
})

test('products, product (offer id or durable id), plans, resourceTree of every target, resource', async () => {
  await withEmulator(FAST, async (emulator) => {
    const client = emulator.ingestionClient()
    const paged = await client.products({ pageSize: 1 })
    assert.deepEqual(paged.map((p) => p.externalId).sort(), ['vm-new', 'vm-release'])
    assert.ok(emulator.requests().some((r) => /maxpagesize=1/i.test(r.query ?? '')))
    const product = await client.product('vm-release')
    assert.ok(product instanceof ingestion.Product)
    assert.equal(product.type, 'product')
    assert.match(product.id, /^product\/[0-9a-f-]{36}$/)
    assert.equal(product.alias, 'VM release')
    assert.equal(product.productType, 'azureVirtualMachine')
    assert.equal(product.lifecycleState, 'generallyAvailable')
    assert.equal(product.definition.identity.externalId, 'vm-release')
    assert.equal((await client.product(product.id)).externalId, 'vm-release')
    await assert.rejects(client.product('no-such-offer'), { kind: 'not_found', message: /no-such-offer/ })

    for (const p of ['vm-release', product.id, product]) {
      const plans = await client.plans(p)
      assert.deepEqual(plans.map((plan) => plan.definition.identity.externalId).sort(), ['byol', 'standard'])
    }
    const draft = await client.resourceTree(product)
    assert.ok(draft instanceof ingestion.ResourceTree)
    assert.equal(draft.root, product.id)
    assert.equal(draft.target, 'draft')
    assert.deepEqual([...draft.planIds].sort(), ['byol', 'standard'])
    assert.equal(draft.product.externalId, 'vm-release')
    assert.equal(draft.plans.length, 2)
    assert.equal(draft.submission.type, 'submission')
    assert.equal(draft.resources, draft.resources, 'the same objects on every read')
    const config = draft.technicalConfiguration('standard')
    assert.deepEqual(config.publishedVersions(), ['1.0.0'])
    assert.deepEqual(config.skus(), [{ imageType: 'x64Gen1', skuId: 'standard' }, { imageType: 'x64Gen2', skuId: 'standard-gen2' }])
    assert.throws(() => config.removeVmImageVersion('1.0.0'), { kind: 'invalid_argument', message: /published/ })
    for (const target of ['preview', 'live']) {
      const tree = await client.resourceTree('vm-release', { target })
      assert.equal(tree.target, target)
      assert.deepEqual(tree.technicalConfiguration('byol').vmImageVersions().map((v) => v.versionNumber), ['1.0.0'])
    }
    await assert.rejects(client.resourceTree('vm-release', { target: 'staging' }), { kind: 'invalid_argument' })
    await assert.rejects(client.resourceTree('vm-new', { target: 'live' }), { kind: 'not_found' })
    const resource = await client.resource(config.id)
    assert.equal(resource.type, 'virtual-machine-plan-technical-configuration')
    assert.equal(resource.toJson(), config.toJson())
    assert.throws(() => client.product(42), { name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' })
    assert.throws(() => client.plans({ id: 'product/x' }), { name: 'TypeError' })
  })
})

test('configure sends the resources as edited, job / waitForJob / jobDetail follow it; a failed job is a result', async () => {
  await withEmulator(FAST, async (emulator) => {
    const client = emulator.ingestionClient()
    const tree = await client.resourceTree('vm-release')
    const config = tree.technicalConfiguration('standard')
    config.setVmImageVersion(version(config, '2.0.0'))
    config.definition.recommendedVmSizes = ['Standard_D4s_v5']
    const job = await client.configure([config])
    assert.match(job.id, /^[0-9a-f-]{36}$/)
    assert.ok(['notStarted', 'running'].includes(job.status))
    assert.equal(job.result, 'pending')
    assert.ok(job.start instanceof Date)
    const sent = JSON.parse(emulator.requests().filter((r) => r.method === 'POST').at(-1).body.toString())
    assert.equal(sent.resources[0].id, config.id)
    assert.deepEqual(sent.resources[0].recommendedVmSizes, ['Standard_D4s_v5'])
    const done = await client.waitForJob(job, { minIntervalMs: 1, maxIntervalMs: 20, timeoutMs: 30_000 })
    assert.equal(done.status, 'completed')
    assert.equal(done.result, 'succeeded')
    assert.ok(done.succeeded && done.isDone)
    assert.equal((await client.job(job.id)).result, 'succeeded')
    const stored = await client.jobDetail(job)
    assert.equal(stored[0].id, config.id)
    const again = (await client.resourceTree('vm-release')).technicalConfiguration('standard')
    assert.deepEqual(again.vmImageVersions().map((v) => v.versionNumber), ['1.0.0', '2.0.0'])
    assert.deepEqual(again.definition.recommendedVmSizes, ['Standard_D4s_v5'])

    // A plain object goes as written; the service's checks fail the job (a result, not an error).
    const plain = JSON.parse(again.toJson())
    plain.vmImageVersions = plain.vmImageVersions.filter((v) => v.versionNumber !== '1.0.0')
    const failed = await client.waitForJob(await client.configure([plain]), { minIntervalMs: 1, maxIntervalMs: 20 })
    assert.equal(failed.result, 'failed')
    assert.equal(failed.succeeded, false)
    assert.ok(failed.errors.length > 0)
    assert.equal(failed.errors[0].code, 'businessValidationError')
    assert.ok(failed.errors[0].lines[0].startsWith('businessValidationError: '))
    await assert.rejects(client.configure([]), { kind: 'invalid_argument' })
    assert.throws(() => client.configure([42]), { name: 'TypeError' })
    await assert.rejects(client.job('00000000-0000-0000-0000-000000000000'), { kind: 'not_found' })
  })
})

test('submissions, productStatus, publish, goLive, and the refusals that name what blocks them', async () => {
  await withEmulator(FAST, async (emulator) => {
    const client = emulator.ingestionClient()
    const before = await client.productStatus('vm-new')
    assert.equal(before.stage, 'never_published')
    assert.equal(before.isTerminal, true)
    assert.equal(before.preview, null)
    const subs = await client.submissions('vm-new')
    assert.deepEqual(subs.map((s) => s.target), ['draft'])
    await assert.rejects(client.goLive('vm-new'), { kind: 'conflict' })

    const product = await client.product('vm-new')
    const publish = await client.publish(product)
    await assert.rejects(client.publish('vm-new'), (e) => e instanceof CloudPartnerError && e.kind === 'conflict' && /submission\//.test(e.message))
    const running = await client.productStatus(product)
    assert.equal(running.stage, 'preview_in_progress')
    assert.equal(running.inProgress, true)
    assert.equal(running.preview.status, 'running')
    assert.equal((await client.waitForJob(publish, { minIntervalMs: 1, maxIntervalMs: 20 })).succeeded, true)
    const review = await client.productStatus('vm-new')
    assert.equal(review.stage, 'waiting_for_go_live')
    assert.equal(review.needsPublisherAction, true)
    assert.ok(review.preview.created instanceof Date)
    const live = await client.goLive('vm-new')
    assert.equal((await client.waitForJob(live.id, { minIntervalMs: 1, maxIntervalMs: 20 })).succeeded, true)
    const after = await client.productStatus('vm-new')
    assert.equal(after.stage, 'live')
    assert.equal(after.live.id, after.preview.id)
    assert.deepEqual((await client.submissions(product)).map((s) => s.target).sort(), ['draft', 'live', 'preview'])
    const sent = configures(emulator)
    assert.deepEqual(sent, ['submission:preview', 'submission:live'])
  })
})

test('watch(product) yields each stage until terminal, or until review; close and break end it', async () => {
  await withEmulator(FAST, async (emulator) => {
    const client = emulator.ingestionClient()
    await client.publish('vm-new')
    const stages = []
    for await (const status of client.watch('vm-new', { until: 'review', minIntervalMs: 1, maxIntervalMs: 20, timeoutMs: 30_000 })) {
      stages.push(status.stage)
    }
    assert.equal(stages.at(-1), 'waiting_for_go_live')
    await client.goLive('vm-new')
    const toLive = []
    for await (const status of client.watch(await client.product('vm-new'), { minIntervalMs: 1, maxIntervalMs: 20 })) toLive.push(status.stage)
    assert.equal(toLive.at(-1), 'live')
    assert.ok(toLive.includes('live_in_progress') || toLive.length === 1, String(toLive))
    const watch = client.watch('vm-release')
    for await (const status of watch) {
      assert.equal(status.stage, 'live')
      break
    }
    assert.deepEqual(await watch.next(), { done: true, value: undefined })
    assert.throws(() => client.watch('vm-release', { until: 'forever' }), { kind: 'invalid_argument' })
    assert.throws(() => client.watch('vm-release', { every: 1 }), { name: 'TypeError' })
  })
})

test('every call takes {signal}: an aborted signal rejects at once with an AbortError of kind canceled, sending nothing', async () => {
  await withEmulator(FAST, async (emulator) => {
    const client = emulator.ingestionClient()
    const product = await client.product('vm-release')
    const tree = await client.resourceTree(product)
    const config = tree.technicalConfiguration('standard')
    const signal = AbortSignal.abort()
    const sentBefore = emulator.requests().length
    const calls = {
      products: () => client.products({ signal }),
      product: () => client.product('vm-release', { signal }),
      plans: () => client.plans(product, { signal }),
      resourceTree: () => client.resourceTree(product, { target: 'live', signal }),
      resource: () => client.resource(config.id, { signal }),
      configure: () => client.configure([config], { signal }),
      job: () => client.job('j', { signal }),
      jobDetail: () => client.jobDetail('j', { signal }),
      cancelJob: () => client.cancelJob('j', { signal }),
      waitForJob: () => client.waitForJob('j', { signal }),
      submissions: () => client.submissions(product, { signal }),
      productStatus: () => client.productStatus(product, { signal }),
      publish: () => client.publish(product, { signal }),
      goLive: () => client.goLive(product, { signal }),
      release: () => client.release({ offerId: 'vm-release', plan: 'standard', version: '2.0.0', osDiskUri: OS_DISK }, { signal }),
    }
    for (const [name, start] of Object.entries(calls)) {
      await assert.rejects(start(), (e) => e instanceof CloudPartnerError && e.kind === 'canceled' && e.name === 'AbortError', name)
    }
    const watch = client.watch(product, { signal })
    await assert.rejects(watch.next(), { kind: 'canceled', name: 'AbortError' })
    assert.equal(emulator.requests().length, sentBefore, 'nothing sent')
  })
})

test('a call in flight is dropped by its signal', async () => {
  await withEmulator(FAST, async (emulator) => {
    const client = emulator.ingestionClient()
    emulator.addFault({ kind: 'latency', ms: 5000, route: 'ingestion.tree' })
    const controller = new AbortController()
    const pending = client.resourceTree('vm-release', { signal: controller.signal })
    setTimeout(() => controller.abort(), 50)
    const started = Date.now()
    await within(2500, assert.rejects(pending, { kind: 'canceled', name: 'AbortError' }), 'the aborted tree')
    assert.ok(Date.now() - started < 2500)
  })
})

test('a job wait is aborted by its signal; cancelJob cancels the job', async () => {
  const scenario = { ingestion: { products: { 'vm-slow': { plans: { standard: {} }, preview: { seconds: 1e9 } } } } }
  await withEmulator({ timeScale: 1000, scenario }, async (emulator) => {
    const client = emulator.ingestionClient()
    const job = await client.publish('vm-slow')
    const controller = new AbortController()
    const waiting = client.waitForJob(job, { signal: controller.signal, minIntervalMs: 5, maxIntervalMs: 20 })
    setTimeout(() => controller.abort(new Error('enough')), 100)
    await within(2500, assert.rejects(waiting, (e) => e.kind === 'canceled' && e.name === 'AbortError'), 'the aborted wait')
    const polls = emulator.requests().filter((r) => r.path.endsWith('/status')).length
    assert.ok(polls >= 1)
    await new Promise((resolve) => setTimeout(resolve, 100))
    assert.equal(emulator.requests().filter((r) => r.path.endsWith('/status')).length, polls, 'no poll after the abort')
    const cancelled = await client.cancelJob(job)
    assert.equal(cancelled.result, 'cancelled')
    assert.equal((await client.job(job.id)).isDone, true)
    await assert.rejects(client.cancelJob(job), { kind: 'bad_request' })
  })
})
