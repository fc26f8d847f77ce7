'use strict'
// The examples run as users would run them, against the emulator.

const test = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const { execFileSync } = require('node:child_process')

test('examples/watch-publish.mjs watches the emulator publish to the end', () => {
  const env = { ...process.env }
  delete env.CLOUDPARTNER_TOKEN
  const out = execFileSync(process.execPath, [path.join(__dirname, '..', 'examples', 'watch-publish.mjs')], {
    cwd: path.join(__dirname, '..'),
    env,
    encoding: 'utf8',
    timeout: 60000,
  })
  const lines = out.trim().split('\n')
  assert.ok(lines.length >= 3, out)
  assert.match(lines[0], /^running\s+\d+%/)
  assert.match(lines.at(-1), /^succeeded\s+100%/)
})

test('examples/release.mjs releases contoso/vm-release on the emulator', () => {
  const env = { ...process.env }
  delete env.CLOUDPARTNER_TOKEN
  const out = execFileSync(process.execPath, [path.join(__dirname, '..', 'examples', 'release.mjs')], {
    cwd: path.join(__dirname, '..'),
    env,
    encoding: 'utf8',
    timeout: 60000,
  })
  const lines = out.trim().split('\n')
  assert.match(lines[0], /^contoso\/vm-release: standard 2\.0\.0 written \(offer version 2\)$/)
  assert.match(lines[1], /^publishing: \S+$/)
  assert.ok(lines.includes('  waitingForPublisherReview Publisher signoff'), out)
  assert.equal(lines.at(-1), 'contoso/vm-release: succeeded')
  assert.ok(!out.includes('s3cr3t'), 'the signature is printed')
})

test('examples/ingestion-release.mjs releases vm-release through the Product Ingestion API', () => {
  const env = { ...process.env }
  delete env.CLOUDPARTNER_TOKEN
  const out = execFileSync(process.execPath, [path.join(__dirname, '..', 'examples', 'ingestion-release.mjs')], {
    cwd: path.join(__dirname, '..'),
    env,
    encoding: 'utf8',
    timeout: 60000,
  })
  const lines = out.trim().split('\n')
  assert.match(lines[0], /^read {5}product vm-release /)
  assert.ok(lines.some((l) => /^change {3}standard: image 2\.0\.0 added .*sig=REDACTED/.test(l)), out)
  assert.ok(lines.includes('review   waiting_for_go_live'), out)
  assert.equal(lines.at(-1), 'vm-release: live (live)')
  assert.ok(!out.includes('s3cr3t'), 'the signature is printed')
})
