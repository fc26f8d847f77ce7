'use strict'
// Run by `npm pack` (the prepack script), after `npm run build:release`: refuses to pack
// an addon that is not a release build, so the tarball never ships the debug addon (ten
// times slower, and three times larger).

function check() {
  const addon = require('../lib/addon.js')
  const profile = addon.buildProfile()
  if (profile !== 'release') {
    return `cloudpartner: the addon is a ${profile} build: refusing to pack it (npm run build:release builds the release one)`
  }
  return null
}

if (require.main === module) {
  const problem = check()
  if (problem) {
    console.error(problem)
    process.exit(1)
  }
  console.log('cloudpartner: packing the release addon')
}

module.exports = { check }
