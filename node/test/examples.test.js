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
