'use strict'
// The Product Ingestion vectors of fixtures/ingestion/ (see its README) read through
// the package's parsers: every tree, job, submissions list and page says what its
// expected file says, every tree and resource round-trips losslessly, and the broken
// documents fail with kind 'parse' (line and column where the JSON itself is broken).

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { inspect } = require('node:util')
const { FIXTURE_ROOT, assertSameJson, cloudpartner, expectedOf, vectorInputs } = require('./support')

const { CloudPartnerError, ingestion } = cloudpartner
const tables = require('../lib/addon').tables()
const DIR = path.join(FIXTURE_ROOT, 'ingestion')
const ms = (text) => (text == null ? null : Date.parse(text))

function treeSummary(tree) {
  const technicalConfigurations = {}
  for (const plan of tree.planIds) {
    const config = tree.technicalConfiguration(plan)
    assert.ok(config instanceof ingestion.TechnicalConfiguration)
    technicalConfigurations[plan] = {
      imageTypes: config.imageTypes(),
      versions: config.vmImageVersions().map((v) => ({
        versionNumber: v.versionNumber,
        lifecycleState: v.lifecycleState,
        deprecationReason: v.deprecationSchedule?.reason ?? null,
        images: v.images.map((i) => ({
          imageType: i.imageType,
          sourceType: i.sourceType,
          osDiskUri: i.osDiskUri,
          dataDisks: i.dataDisks.map((d) => [d.lun, d.uri]),
          sharedImageResourceId: i.sharedImageResourceId,
        })),
      })),
    }
  }
  return {
    kind: 'tree',
    root: tree.root,
    target: tree.target,
    productExternalId: tree.product?.externalId ?? null,
    planIds: tree.planIds,
    submission: tree.submission?.id ?? null,
    resourceCount: tree.resources.length,
    technicalConfigurations,
  }
}

function summary(kind, text, name) {
  switch (kind) {
    case 'tree': {
      const tree = ingestion.parseResourceTree(text)
      assert.ok(tree instanceof ingestion.ResourceTree)
      assertSameJson(tree.toJson(), text, `${name}: lossless`)
      for (const resource of tree.resources) {
        assert.ok(resource instanceof ingestion.Resource)
        const json = resource.toJson()
        assert.equal(ingestion.parseResource(json).toJson(), json, `${name}: ${resource.id} round trip`)
        assert.doesNotMatch(inspect(resource, { depth: 10 }), /sig=(?!REDACTED)/, `${name}: inspect shows a signature`)
      }
      return treeSummary(tree)
    }
    case 'job': {
      const job = ingestion.parseJob(text)
      for (const [state, list] of [[job.status, tables.jobStatuses], [job.result, tables.jobResults]]) {
        assert.ok(state === 'unknown' || list.includes(state), state)
      }
      return {
        kind: 'job',
        id: job.id,
        // 'unknown' for a state the core does not know, spelled as sent in rawStatus.
        status: job.status === 'unknown' ? job.rawStatus : job.status,
        result: job.result === 'unknown' ? job.rawResult : job.result,
        done: job.isDone,
        succeeded: job.succeeded,
        certification: job.isCertificationFailure,
        start: job.start?.getTime() ?? null,
        end: job.end?.getTime() ?? null,
        errorLines: job.errors.flatMap((e) => e.lines),
      }
    }
    case 'submissions': {
      const list = ingestion.parseSubmissions(text)
      const status = ingestion.parseProductStatus(text, 'contoso-vm')
      assert.equal(status.product, 'contoso-vm')
      return {
        kind: 'submissions',
        count: list.length,
        stage: status.stage,
        preview: status.preview?.id ?? null,
        live: status.live?.id ?? null,
      }
    }
    case 'page': {
      const page = ingestion.parsePage(text)
      return { kind: 'page', externalIds: page.resources.map((r) => r.externalId ?? ''), nextLink: page.nextLink }
    }
    default:
      throw new Error(`${name}: unknown vector kind ${kind}`)
  }
}

const inputs = vectorInputs(DIR)

test('there are vectors of every kind', () => {
  const kinds = new Set(inputs.map((input) => expectedOf(input).kind))
  assert.deepEqual([...kinds].sort(), ['job', 'page', 'submissions', 'tree'])
})

for (const input of inputs) {
  const name = path.basename(input)
  test(`vector ${name}`, () => {
    const expected = expectedOf(input)
    const text = fs.readFileSync(input, 'utf8')
    const actual = summary(expected.kind, text, name)
    if (expected.kind === 'job') {
      expected.start = ms(expected.start)
      expected.end = ms(expected.end)
    }
    assert.deepEqual(actual, expected)
    // Bytes read the same as text.
    if (expected.kind === 'tree') assert.equal(ingestion.parseResourceTree(Buffer.from(text)).toJson(), ingestion.parseResourceTree(text).toJson())
  })
}

for (const input of vectorInputs(path.join(DIR, 'invalid'))) {
  const name = `invalid/${path.basename(input)}`
  test(`vector ${name} fails as a parse error`, () => {
    const expected = expectedOf(input)
    const parse = { tree: ingestion.parseResourceTree, job: ingestion.parseJob }[expected.parser]
    assert.ok(parse, `${name}: unknown parser ${expected.parser}`)
    assert.throws(
      () => parse(fs.readFileSync(input)),
      (error) => {
        assert.ok(error instanceof CloudPartnerError, String(error))
        assert.equal(error.kind, expected.kind)
        if (expected.line != null) assert.equal(error.line, expected.line)
        if (expected.column != null) assert.equal(error.column, expected.column)
        return true
      },
    )
  })
}

test('a resource edited in place keeps the numbers and key order JavaScript cannot hold', () => {
  const text =
    '{"$schema":"https://schema.mp.microsoft.com/schema/plan/2022-03-01-preview2","id":"plan/p/a","identity":{"externalId":"standard"},"x-big":18446744073709551615,"x-float":1.50,"2":"integer-like key last","alias":"old"}'
  const plan = ingestion.parseResource(text)
  assert.equal(plan.type, 'plan')
  assert.equal(plan.schema, 'https://schema.mp.microsoft.com/schema/plan/2022-03-01-preview2')
  assert.equal(plan.definition.alias, 'old')
  plan.definition.alias = 'new'
  plan.definition['x-added'] = true
  assert.equal(
    plan.toJson(),
    '{"$schema":"https://schema.mp.microsoft.com/schema/plan/2022-03-01-preview2","id":"plan/p/a","identity":{"externalId":"standard"},"x-big":18446744073709551615,"x-float":1.5,"2":"integer-like key last","alias":"new","x-added":true}',
  )
  assert.throws(() => ingestion.parseResource('[1]'), { kind: 'parse' })
})

test('the image helpers edit the technical configuration in place, under the full-state rule', () => {
  const tree = ingestion.parseResourceTree(fs.readFileSync(path.join(DIR, 'tree-draft.json')))
  const config = tree.technicalConfiguration('standard')
  const before = config.vmImageVersions().map((v) => v.versionNumber)
  const list = config.definition.vmImageVersions
  config.setVmImageVersion({
    versionNumber: '9.0.0',
    images: config.imageTypes().map((imageType) => ({ imageType, osDiskUri: 'https://x.blob.core.windows.net/v/9.vhd?sig=SECRET', dataDisks: [{ lun: 0, uri: 'https://x.blob.core.windows.net/v/d0.vhd' }] })),
  })
  assert.equal(config.definition.vmImageVersions, list, 'the same array, edited in place')
  assert.deepEqual(config.vmImageVersions().map((v) => v.versionNumber), [...before, '9.0.0'])
  assert.doesNotMatch(inspect(config.vmImageVersions(), { depth: 10 }), /SECRET/)
  assert.doesNotMatch(inspect(config, { depth: 10 }), /SECRET/)
  config.deprecateVmImageVersion('9.0.0', { reason: 'endOfSupport', dateOffset: 'P30D' })
  const deprecated = config.vmImageVersions().find((v) => v.versionNumber === '9.0.0')
  assert.equal(deprecated.lifecycleState, 'deprecated')
  assert.equal(deprecated.deprecationSchedule.reason, 'endOfSupport')
  config.restoreVmImageVersion('9.0.0')
  assert.equal(config.vmImageVersions().find((v) => v.versionNumber === '9.0.0').lifecycleState, 'generallyAvailable')
  // A parsed draft tree cannot tell what was published: removal is refused, saying so.
  assert.throws(() => config.removeVmImageVersion('9.0.0'), { kind: 'invalid_argument', message: /read the draft through a client/ })
  assert.throws(() => config.setVmImageVersion({ versionNumber: '9.1', images: [] }), { kind: 'invalid_argument' })
  assert.throws(() => config.setVmImageVersion({ versionNumber: '9.2.0', images: [{ imageType: 'arm64Gen9', osDiskUri: 'https://x/y.vhd' }] }), { kind: 'invalid_argument' })
  assert.throws(() => tree.technicalConfiguration('gold'), { kind: 'invalid_argument', message: /standard/ })
  assert.throws(() => config.setVmImageVersion({ versionNumber: '9.3.0', imagez: [] }), { name: 'TypeError' })
  // A hand edit is kept by the helpers that run after it.
  config.definition.recommendedVmSizes = ['Standard_D2s_v5']
  config.deprecateVmImageVersion('9.0.0')
  assert.deepEqual(JSON.parse(config.toJson()).recommendedVmSizes, ['Standard_D2s_v5'])
})
