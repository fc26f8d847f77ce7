'use strict'
// The addon, through the loader that `napi build` generates (../native.js).
module.exports = require('../native.js')
