'use strict'
// An @azure/identity TokenCredential (getToken(scopes) -> Promise<{token,
// expiresOnTimestamp}>) as the callback the addon calls from Rust. The core caches
// the token and asks again five minutes before it expires.

const { typeError } = require('./arguments')

/** The callback `(scope) => Promise<{token, expiresOnTimestamp}>`, or undefined. */
function tokenCallback(credential) {
  if (credential == null) return undefined
  if (typeof credential !== 'object' && typeof credential !== 'function') {
    throw typeError('options.credential', 'an object with a getToken(scopes) method', credential)
  }
  if (typeof credential.getToken !== 'function') {
    throw typeError('options.credential.getToken', 'a function (a TokenCredential)', credential.getToken)
  }
  return async (scope) => {
    const result = await credential.getToken([scope])
    if (result == null) throw new Error('it returned no token')
    if (typeof result.token !== 'string' || result.token === '') {
      throw new Error('its result has no "token" string')
    }
    const expires = result.expiresOnTimestamp
    if (expires != null && (typeof expires !== 'number' || !Number.isFinite(expires))) {
      throw new Error('"expiresOnTimestamp" must be milliseconds since the epoch')
    }
    return { token: result.token, expiresOnTimestamp: expires ?? undefined }
  }
}

module.exports = { tokenCallback }
