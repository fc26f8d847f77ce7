'use strict'
// Run by `npm pack` (the prepack script), after `npm run build:release`: refuses to pack
// an addon that is not a release build (ten times slower, three times larger) or that
// still carries its symbol table (a stripped addon is a fifth smaller).

const fs = require('node:fs')
const path = require('node:path')

const PACKAGE_DIR = path.join(__dirname, '..')

/** Why an addon of this build profile must not be packed; null for a release build. */
function problemOf(profile) {
  if (profile === 'release') return null
  return `cloudpartner: the addon is a ${profile} build: refusing to pack it (npm run build:release builds the release one)`
}

/** The names of the sections of a 64-bit little-endian ELF file; null for anything else
 * (another platform's addon: nothing to check here). */
function elfSectionNames(bytes) {
  const isElf64le = bytes.length > 64 && bytes.readUInt32BE(0) === 0x7f454c46 && bytes[4] === 2 && bytes[5] === 1
  if (!isElf64le) return null
  const offset = Number(bytes.readBigUInt64LE(0x28))
  const entrySize = bytes.readUInt16LE(0x3a)
  const count = bytes.readUInt16LE(0x3c)
  const namesIndex = bytes.readUInt16LE(0x3e)
  const header = (i) => offset + i * entrySize
  if (count === 0 || header(count) > bytes.length || namesIndex >= count) return null
  const namesAt = Number(bytes.readBigUInt64LE(header(namesIndex) + 0x18))
  const names = []
  for (let i = 0; i < count; i++) {
    const start = namesAt + bytes.readUInt32LE(header(i))
    const end = bytes.indexOf(0, start)
    names.push(bytes.toString('latin1', start, end < 0 ? start : end))
  }
  return names
}

/** Why this addon file must not be packed for its symbols; null when it is stripped. */
function strippingProblem(file) {
  const names = elfSectionNames(fs.readFileSync(file))
  if (names && names.includes('.symtab')) {
    return `cloudpartner: ${path.basename(file)} is not stripped: refusing to pack it (npm run build:release strips it)`
  }
  return null
}

/** The addon files of the package directory. */
function addonFiles() {
  return fs.readdirSync(PACKAGE_DIR).filter((name) => /^cloudpartner\..+\.node$/.test(name)).map((name) => path.join(PACKAGE_DIR, name))
}

if (require.main === module) {
  const problems = [problemOf(require('../lib/addon.js').buildProfile()), ...addonFiles().map(strippingProblem)].filter(Boolean)
  if (problems.length) {
    for (const problem of problems) console.error(problem)
    process.exit(1)
  }
  console.log('cloudpartner: packing the release addon, stripped')
}

module.exports = { problemOf, strippingProblem, elfSectionNames }
