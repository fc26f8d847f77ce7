'use strict'
// The Node code blocks of the README, run as users would run them: every ```js and ```ts
// block of its "Node.js" section is a program of its own. JavaScript blocks run as ES
// modules; TypeScript ones are type-checked (tsc --strict) and run once transpiled.
// Blocks that build `new Client()` or `new IngestionClient()` read CLOUDPARTNER_BASE_URL,
// CLOUDPARTNER_INGESTION_URL and CLOUDPARTNER_TOKEN, pointed here at a default-scenario
// emulator, which has every offer and product they name. Each block must end by
// itself (no timer left running), within seconds.

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { execFile, execFileSync } = require('node:child_process')
const { promisify } = require('node:util')
const { cloudpartner } = require('./support')

const PACKAGE_DIR = path.join(__dirname, '..')
const README = path.join(PACKAGE_DIR, '..', 'README.md')

/** The README's "## Node.js" section, and the line it starts on. */
function nodeSection() {
  const text = fs.readFileSync(README, 'utf8')
  const start = text.indexOf('\n## Node.js\n')
  assert.ok(start >= 0, 'the README has a "## Node.js" section')
  const end = text.indexOf('\n## ', start + 1)
  return { section: text.slice(start, end < 0 ? undefined : end), firstLine: text.slice(0, start).split('\n').length + 1 }
}

/** The ```js and ```ts blocks of the README's "## Node.js" section: [{ lang, code, line }]. */
function nodeBlocks() {
  const { section, firstLine } = nodeSection()
  const blocks = []
  for (const m of section.matchAll(/^```(js|ts)\n([\s\S]*?)^```$/gm)) {
    blocks.push({ lang: m[1], code: m[2], line: firstLine + section.slice(0, m.index).split('\n').length - 1 })
  }
  return blocks
}

/** What each block prints (a part of it), by its first distinctive line. */
function expectedOutput(code) {
  if (code.includes('ingestionClient().release(')) return /^vm-release: live \(live\)$/m
  if (code.includes("client.resourceTree('vm-new')")) return /^preview: waiting_for_go_live\nvm-new: live$/m
  if (code.includes('new IngestionClient()')) return /^vm-release: live /m
  if (code.includes('.release(')) return /^contoso\/vm-release: live \(succeeded\)$/m
  if (code.includes("client.offer('contoso', 'vm-release')")) return /^contoso\/vm-release: succeeded$/m
  if (code.includes('offerStatuses(')) return /^live-offer succeeded\nno-such-offer not_found \(404\)$/m
  if (code.includes('no-such-offer')) return /^not_found ERR_CLOUDPARTNER_NOT_FOUND 404 /m
  if (code.includes('client.watch(')) return /^waitingForPublisherReview /m
  if (code.includes("from 'node:test'")) return /pass 1/
  return null
}

const blocks = nodeBlocks()

test('the README has Node blocks, the release among them in TypeScript', () => {
  assert.ok(blocks.length >= 5, `${blocks.length} blocks`)
  assert.ok(blocks.some((b) => b.lang === 'ts' && b.code.includes('putOffer') && b.code.includes('goLive')))
  assert.ok(blocks.some((b) => b.lang === 'ts' && b.code.includes('ingestionClient().release(')), 'a Product Ingestion release in TypeScript')
  for (const block of blocks) {
    for (const missing of ["'my-vm-offer'", "['a', 'b']"]) assert.ok(!block.code.includes(missing), `README line ${block.line} names ${missing}, not in the default emulator`)
  }
  for (const block of blocks) assert.ok(expectedOutput(block.code), `README line ${block.line}: a block this test does not know`)
})

test('the README\'s Node blocks run against the emulator', async (t) => {
  // A project next to the package: `cloudpartner` resolves to it as it would once installed.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudpartner-readme-'))
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }))
  fs.mkdirSync(path.join(dir, 'node_modules'))
  fs.symlinkSync(PACKAGE_DIR, path.join(dir, 'node_modules', 'cloudpartner'), 'dir')
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'readme', private: true, type: 'module' }))

  const files = blocks.map((block, i) => {
    const file = path.join(dir, `block-${i}-line-${block.line}.${block.lang === 'ts' ? 'mts' : 'mjs'}`)
    fs.writeFileSync(file, block.code)
    return { ...block, file }
  })

  // TypeScript: compiled and run with the command the README gives, in a project that
  // installed typescript and @types/node as it says.
  const typed = files.filter((f) => f.lang === 'ts')
  if (typed.length) {
    const command = nodeSection().section.match(/^npx tsc (.+) release\.mts && node release\.mjs$/m)
    assert.ok(command, 'the README says how to run a TypeScript block')
    fs.symlinkSync(path.join(PACKAGE_DIR, 'node_modules', '@types'), path.join(dir, 'node_modules', '@types'), 'dir')
    const tsc = path.join(PACKAGE_DIR, 'node_modules', 'typescript', 'bin', 'tsc')
    for (const f of typed) {
      try {
        execFileSync(process.execPath, [tsc, ...command[1].split(' '), path.basename(f.file)], { cwd: dir, encoding: 'utf8', stdio: 'pipe' })
      } catch (error) {
        assert.fail(`README line ${f.line}: ${command[0]}:\n${error.stdout}${error.stderr}`)
      }
      f.file = f.file.replace(/\.mts$/, '.mjs')
      assert.ok(fs.existsSync(f.file), `tsc wrote ${f.file}`)
    }
  }

  // The default scenario: the blocks name offers and products it has.
  const emulator = await cloudpartner.Emulator.start()
  t.after(() => emulator.stop())
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(CLOUDPARTNER_|AZURE_)/.test(name)))
  Object.assign(env, { CLOUDPARTNER_BASE_URL: emulator.baseUrl, CLOUDPARTNER_INGESTION_URL: emulator.ingestionBaseUrl, CLOUDPARTNER_TOKEN: emulator.token })

  for (const f of files) {
    await t.test(`README line ${f.line} (${f.lang})`, async () => {
      const started = Date.now()
      let out
      try {
        out = await promisify(execFile)(process.execPath, [f.file], { cwd: dir, env, encoding: 'utf8', timeout: 30_000 })
      } catch (error) {
        assert.fail(`README line ${f.line} failed (${error.signal ?? error.code}):\n${error.stdout}${error.stderr}`)
      }
      assert.match(out.stdout, expectedOutput(f.code), out.stdout + out.stderr)
      assert.ok(Date.now() - started < 20_000, 'the block did not end by itself within 20 s')
    })
  }
})
