'use strict'
// The packed tarball: it carries the addon, installs into an empty project, and works
// there through require() and import (what `npm install cloudpartner` users get) — the
// publishing API included. `npm pack` itself builds the release addon first (prepack)
// and refuses a debug one; this suite packs its debug build with --ignore-scripts (a
// release build takes minutes), and checks the guard on it.

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { execFileSync, spawnSync } = require('node:child_process')

const PACKAGE_DIR = path.join(__dirname, '..')
const manifest = require('../package.json')

function run(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: 'utf8', timeout: 120000, stdio: ['ignore', 'pipe', 'pipe'] })
}

test('npm pack builds the release addon and refuses a debug one', () => {
  assert.match(manifest.scripts.prepack, /^npm run build:release && node scripts\/check-release\.js$/)
  assert.match(manifest.scripts['build:release'], /napi build .*--profile dist /)
  const { problemOf, strippingProblem, elfSectionNames } = require('../scripts/check-release.js')
  assert.match(problemOf('debug'), /debug build: refusing to pack it/)
  assert.equal(problemOf('release'), null)
  // The symbol check reads the ELF section table: the debug addon has .symtab, the
  // system's stripped libc has none.
  const addon = fs.readdirSync(PACKAGE_DIR).find((name) => /^cloudpartner\..+\.node$/.test(name))
  const sections = elfSectionNames(fs.readFileSync(path.join(PACKAGE_DIR, addon)))
  assert.ok(sections.includes('.text'), sections.join(' '))
  if (require('../lib/addon.js').buildProfile() === 'debug') {
    assert.match(strippingProblem(path.join(PACKAGE_DIR, addon)), /is not stripped: refusing to pack it/)
  }
  assert.equal(elfSectionNames(Buffer.from('not an ELF file, just text long enough to be read as one'.repeat(2))), null)
  // On the addon built now (the debug one under make test-node).
  const profile = require('../lib/addon.js').buildProfile()
  assert.ok(['debug', 'release'].includes(profile))
  const guard = spawnSync(process.execPath, [path.join(PACKAGE_DIR, 'scripts', 'check-release.js')], { encoding: 'utf8' })
  assert.equal(guard.status, profile === 'release' ? 0 : 1, guard.stderr)
  if (profile === 'debug') assert.match(guard.stderr, /debug build: refusing to pack it/)
})

test('npm ci does not warn about engines on this Node', () => {
  const lock = require('../package-lock.json')
  const [major, minor] = process.versions.node.split('.').map(Number)
  const within = (range) =>
    range.split('||').some((part) => {
      const m = part.trim().match(/^(>=|\^|>= )?\s*(\d+)(?:\.(\d+))?/)
      if (!m) return true
      const [wantMajor, wantMinor = 0] = [Number(m[2]), Number(m[3] ?? 0)]
      if (m[1] === '^') return major === wantMajor && minor >= wantMinor
      return major > wantMajor || (major === wantMajor && minor >= wantMinor)
    })
  const refusing = Object.entries(lock.packages)
    .filter(([, p]) => p.engines && typeof p.engines.node === 'string' && !within(p.engines.node))
    .map(([name, p]) => `${name} wants node ${p.engines.node}`)
  assert.deepEqual(refusing, [])
})

test('npm pack makes a tarball that works from an empty project', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudpartner-pack-'))
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }))

  const [packed] = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], PACKAGE_DIR))
  const files = packed.files.map((f) => f.path)
  for (const wanted of ['package.json', 'index.js', 'index.mjs', 'index.d.ts', 'index.d.mts', 'native.js', 'tables.d.ts', 'lib/addon.js', 'lib/client.js', 'lib/offer.js', 'lib/operation.js', 'lib/call.js', 'ingestion.d.ts', 'lib/ingestion/index.js', 'lib/ingestion/client.js', 'lib/ingestion/resource.js', 'lib/ingestion/release.js']) {
    assert.ok(files.includes(wanted), `${wanted} is not in the tarball`)
  }
  assert.ok(files.some((f) => /^cloudpartner\..+\.node$/.test(f)), `no .node addon in ${files.join(', ')}`)
  assert.ok(!files.some((f) => f.startsWith('test/') || f.startsWith('node_modules/') || f.startsWith('scripts/')), 'tests, scripts or dependencies were packed')

  const project = path.join(dir, 'project')
  fs.mkdirSync(project)
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'empty-project', version: '1.0.0', private: true }))
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(dir, packed.filename)], project)

  const cjs = run(process.execPath, ['-e', `
    const { parseOfferStatus, parseOffer, CloudPartnerError } = require('cloudpartner')
    console.log(parseOfferStatus('{"status": "Succeeded"}').status, typeof CloudPartnerError, parseOffer('{"id":"x"}').id)
  `], project)
  assert.equal(cjs.trim(), 'succeeded function x')
  const esm = run(process.execPath, ['--input-type=module', '-e', `
    import { Emulator } from 'cloudpartner'
    const emulator = await Emulator.start({ timeScale: 100000 })
    try {
      const client = emulator.client()
      console.log((await client.offerStatus('contoso', 'review-offer')).needsPublisherAction)
      const offer = await client.offer('contoso', 'vm-release')
      offer.setVmImageVersion('standard', { version: '2.0.0', osVhdUrl: 'https://a.blob.core.windows.net/v/2.vhd?sig=x' })
      const stored = await client.putOffer(offer)
      await client.publish('contoso', 'vm-release')
      for await (const s of client.watch('contoso', 'vm-release', { until: 'review' })) void s
      await client.goLive('contoso', 'vm-release')
      let last
      for await (const s of client.watch('contoso', 'vm-release')) last = s
      console.log(stored.version, last.status, (await client.operations('contoso', 'vm-release')).length)
    } finally {
      await emulator.stop()
    }
  `], project)
  assert.deepEqual(esm.trim().split('\n'), ['true', '2 succeeded 2'])
  // The Product Ingestion release, through require() and through import.
  const release = (load) => `
    ${load}
    const emulator = await Emulator.start({ timeScale: 1e6 })
    try {
      const phases = new Set()
      const result = await emulator.ingestionClient().release(
        { offerId: 'vm-release', plan: 'standard', version: '2.0.0', osDiskUri: 'https://a.blob.core.windows.net/v/2.vhd?sig=x', goLive: true },
        { onProgress: (e) => phases.add(e.phase), signal: AbortSignal.timeout(60000) },
      )
      console.log(result.outcome, result.status.stage, [...phases].join(','), typeof ingestion.parseResourceTree)
    } finally {
      await emulator.stop()
    }`
  const expected = 'live live read,change,write,publish,review,go-live,live function'
  const viaImport = run(process.execPath, ['--input-type=module', '-e', release("import { Emulator, ingestion } from 'cloudpartner'")], project)
  assert.equal(viaImport.trim(), expected)
  const viaRequire = run(process.execPath, ['-e', `const { Emulator, ingestion } = require('cloudpartner'); (async () => { ${release('')} })()`], project)
  assert.equal(viaRequire.trim(), expected)
})
