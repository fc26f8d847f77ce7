'use strict'
// No secret is ever shown: a run with a client secret, the token it gets and a SAS image
// URL shows none of them in util.inspect output, String(), or any error's message and
// inspection, while the service receives them as they are.

const assert = require('node:assert/strict')
const test = require('node:test')
const util = require('node:util')

const { cloudpartner, withEmulator, withEnv } = require('./support')

const CLIENT_SECRET = 'contoso-secret' // the default scenario's client
const SIG = 's1gnature-never-shown'
const SAS = `https://contoso.blob.core.windows.net/vhds/os.vhd?sv=2020&sr=b&sig=${SIG}`

test('no secret is ever shown', async () => {
  await withEmulator({}, async (emulator) => {
    await withEnv(
      {
        AZURE_TENANT_ID: 'contoso-tenant',
        AZURE_CLIENT_ID: 'contoso-app',
        AZURE_CLIENT_SECRET: CLIENT_SECRET,
        AZURE_AUTHORITY_HOST: emulator.baseUrl,
      },
      async () => {
        const shown = []
        const show = (value) => shown.push(util.inspect(value, { depth: 6 }), String(value))
        const client = new cloudpartner.Client({ baseUrl: emulator.baseUrl })
        show(client)
        const offer = await client.offer('contoso', 'vm-release')
        offer.setVmImageVersion('standard', {
          version: '3.0.0',
          osVhdUrl: SAS,
          label: 'Three',
          dataDisks: [{ lun: 0, vhdUrl: SAS }],
        })
        show(offer)
        for (const image of offer.vmImageVersions('standard')) show(image)
        const stored = await client.putOffer(offer)
        show(stored)
        const ref = await client.publish('contoso', 'vm-release', { notificationEmails: ['a@x.com'] })
        show(ref)
        show(await client.operationAt(ref))
        const refusals = [
          () => offer.setVmImageVersion('standard', { version: '3.0.1', osVhdUrl: `http://insecure/os.vhd?sig=${SIG}` }),
          () => client.putOffer(offer, { create: true }),
          () => client.operationAt(`http://127.0.0.2:1/x?sig=${SIG}`),
          () => new cloudpartner.Client({ baseUrl: emulator.baseUrl, token: `${emulator.token}-wrong` }).offerStatus('contoso', 'live-offer'),
        ]
        for (const refusal of refusals) {
          let caught
          try {
            await refusal()
          } catch (error) {
            caught = error
          }
          assert.ok(caught instanceof Error, 'refused')
          show(caught)
          shown.push(caught.message, caught.stack ?? '')
        }
        for (const text of shown) {
          for (const secret of [emulator.token, CLIENT_SECRET, SIG]) {
            assert.ok(!text.includes(secret), `${secret} shown in: ${text}`)
          }
        }
        // The service got the real values, and toJson() keeps them.
        assert.ok(stored.toJson().includes(SIG))
        const put = emulator.requests().find((r) => r.method === 'PUT')
        assert.ok(Buffer.from(put.body).toString('utf8').includes(SIG))
      },
    )
  })
})

test('no secret is ever shown by a Product Ingestion run', async () => {
  await withEmulator({ timeScale: 1e6 }, async (emulator) => {
    await withEnv(
      {
        AZURE_TENANT_ID: 'contoso-tenant',
        AZURE_CLIENT_ID: 'contoso-app',
        AZURE_CLIENT_SECRET: CLIENT_SECRET,
        AZURE_AUTHORITY_HOST: emulator.baseUrl,
      },
      async () => {
        const shown = []
        const show = (value) => shown.push(util.inspect(value, { depth: 10 }), String(value))
        const client = new cloudpartner.IngestionClient({ baseUrl: emulator.ingestionBaseUrl })
        show(client)
        show(client.credentialSource)
        const product = await client.product('vm-release')
        show(product)
        const tree = await client.resourceTree(product)
        show(tree)
        const config = tree.technicalConfiguration('standard')
        config.setVmImageVersion({
          versionNumber: '3.0.0',
          images: config.imageTypes().map((imageType) => ({ imageType, osDiskUri: SAS, dataDisks: [{ lun: 0, uri: SAS }] })),
        })
        show(config)
        show(config.definition)
        show(config.vmImageVersions())
        const job = await client.configure([config])
        show(job)
        show(await client.waitForJob(job, { minIntervalMs: 1, maxIntervalMs: 20 }))
        show(await client.jobDetail(job))
        const events = []
        const result = await client.release(
          { offerId: 'vm-new', plan: 'standard', version: '1.0.0', osDiskUri: SAS, dataDisks: [{ lun: 1, uri: SAS }], goLive: true },
          { minIntervalMs: 1, maxIntervalMs: 20, onProgress: (e) => events.push(e) },
        )
        assert.equal(result.outcome, 'live')
        show(events)
        show(result)
        show(await client.release({ offerId: 'vm-new', plan: 'standard', version: '1.0.1', osDiskUri: SAS, dryRun: true }))
        const refusals = [
          () => config.setVmImageVersion({ versionNumber: '3.0.1', images: [{ imageType: 'x64Gen1', osDiskUri: `http://insecure/os.vhd?sig=${SIG}` }] }),
          () => client.release({ offerId: 'vm-new', plan: 'gold', version: '1.0.2', osDiskUri: SAS }),
          () => client.release({ offerId: 'vm-new', plan: 'standard', version: '1.0.2', osDiskUri: `ftp://x/os.vhd?sig=${SIG}` }),
          () => client.configure([{ $schema: 'https://schema.mp.microsoft.com/schema/nothing/1', note: SAS }]).then((j) => client.waitForJob(j)).then((j) => {
            show(j)
            throw new Error(j.errors.map((e) => e.message).join('; '))
          }),
          () => new cloudpartner.IngestionClient({ baseUrl: emulator.ingestionBaseUrl, token: `${emulator.token}-wrong` }).products(),
          () => client.resource(`virtual-machine-plan-technical-configuration/x?sig=${SIG}`),
        ]
        for (const refusal of refusals) {
          let caught
          try {
            await refusal()
          } catch (error) {
            caught = error
          }
          assert.ok(caught instanceof Error, 'refused')
          show(caught)
          shown.push(caught.message, caught.stack ?? '')
        }
        for (const text of shown) {
          for (const secret of [emulator.token, CLIENT_SECRET, SIG]) {
            assert.ok(!text.includes(secret), `${secret} shown in: ${text}`)
          }
        }
        // The service got the real values, and toJson() keeps them.
        assert.ok(config.toJson().includes(SIG))
        const posts = emulator.requests().filter((r) => r.method === 'POST' && r.path.endsWith('/configure'))
        assert.ok(posts.some((r) => Buffer.from(r.body).toString('utf8').includes(SIG)))
      },
    )
  })
})
