'use strict'
// The packed tarball: it carries the addon, installs into an empty project, and works
// there through require() and import (what `npm install cloudpartner` users get).

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { execFileSync } = require('node:child_process')

const PACKAGE_DIR = path.join(__dirname, '..')

function run(command, args, cwd) {
  return execFileSync(command, args, { cwd, encoding: 'utf8', timeout: 120000, stdio: ['ignore', 'pipe', 'pipe'] })
}

test('npm pack makes a tarball that works from an empty project', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudpartner-pack-'))
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }))

  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], PACKAGE_DIR))
  const files = packed.files.map((f) => f.path)
  for (const wanted of ['package.json', 'index.js', 'index.mjs', 'index.d.ts', 'index.d.mts', 'native.js', 'tables.d.ts', 'lib/addon.js', 'lib/client.js']) {
    assert.ok(files.includes(wanted), `${wanted} is not in the tarball`)
  }
  assert.ok(files.some((f) => /^cloudpartner\..+\.node$/.test(f)), `no .node addon in ${files.join(', ')}`)
  assert.ok(!files.some((f) => f.startsWith('test/') || f.startsWith('node_modules/')), 'tests or dependencies were packed')

  const project = path.join(dir, 'project')
  fs.mkdirSync(project)
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'empty-project', version: '1.0.0', private: true }))
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', path.join(dir, packed.filename)], project)

  const cjs = run(process.execPath, ['-e', `
    const { parseOfferStatus, CloudPartnerError } = require('cloudpartner')
    console.log(parseOfferStatus('{"status": "Succeeded"}').status, typeof CloudPartnerError)
  `], project)
  assert.equal(cjs.trim(), 'succeeded function')
  const esm = run(process.execPath, ['--input-type=module', '-e', `
    import { Client, Emulator } from 'cloudpartner'
    const emulator = await Emulator.start()
    const client = new Client({ baseUrl: emulator.baseUrl, token: emulator.token })
    console.log((await client.offerStatus('contoso', 'review-offer')).needsPublisherAction)
    await emulator.stop()
  `], project)
  assert.equal(esm.trim(), 'true')
})
