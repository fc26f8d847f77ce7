// Types of the ES module entry: the same API as the CommonJS entry.
export * from './index.js'
import * as cloudpartner from './index.js'
export default cloudpartner
