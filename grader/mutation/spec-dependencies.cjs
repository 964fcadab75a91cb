/**
 * Jest's dependency extractor for mutation testing (./jest.config.ts): Jest's own, plus the
 * exercise each spec loads. A spec loads its exercise lazily, by id, with
 * `loadTarget('16-event-loop')` (../specs/support/target.ts), and imports it only as a type,
 * so Jest's own extractor sees no dependency on the solution; without this one, Stryker's
 * findRelatedTests would find no spec for a mutant and run none.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');

// The same module name target.ts asks for: `@target/<id>/<id without its number>`.
const LOAD_TARGET = /\bloadTarget\s*(?:<[^>]*>)?\s*\(\s*['"](\d+-[a-z0-9-]+)['"]\s*\)/g;

module.exports = {
  extract(code, filePath, defaultExtract) {
    const dependencies = defaultExtract(code, filePath);
    for (const [, id] of code.matchAll(LOAD_TARGET)) dependencies.add(`@target/${id}/${id.replace(/^\d+-/, '')}`);
    return dependencies;
  },
  // Jest caches extracted dependencies; a change to this file must not reuse the old ones.
  getCacheKey() {
    return crypto.createHash('sha1').update(fs.readFileSync(__filename)).digest('hex');
  },
};
