'use strict'
// The native addon, through the loader that `napi build` generates (../native.js):
// the one place the package loads it.
module.exports = require('../native.js')
