'use strict'
// Run by `npm pack` (the prepack script), after `npm run build:release`: refuses to pack
// an addon that is not a release build, so the tarball never ships the debug addon (ten
// times slower, and three times larger).

/** Why an addon of this build profile must not be packed; null for a release build. */
function problemOf(profile) {
  if (profile === 'release') return null
  return `cloudpartner: the addon is a ${profile} build: refusing to pack it (npm run build:release builds the release one)`
}

if (require.main === module) {
  const problem = problemOf(require('../lib/addon.js').buildProfile())
  if (problem) {
    console.error(problem)
    process.exit(1)
  }
  console.log('cloudpartner: packing the release addon')
}

module.exports = { problemOf }
