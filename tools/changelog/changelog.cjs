/**
 * The entry changesets loads (with `require`, from `.changeset/config.json`).
 * Installed, the formatter is JavaScript (`dist/`) and this imports it. In this
 * repository's checkout (where `src/` is), it runs from source so that
 * `changeset version` needs no build step, as the tests and `pnpm criteria` do
 * not: it registers the `@criteria/source` export condition and tsx (a
 * development dependency), then imports src/index.ts.
 */
'use strict';
const { existsSync } = require('node:fs');
const { register } = require('node:module');
const { pathToFileURL } = require('node:url');
const path = require('node:path');

const source = path.join(__dirname, 'src', 'index.ts');

let loaded;
const load = () => {
  if (!loaded)
    loaded = (async () => {
      if (!existsSync(source))
        return (await import(pathToFileURL(path.join(__dirname, 'dist', 'index.js')).href)).default;
      const addSourceCondition = `data:text/javascript,${encodeURIComponent(
        "export async function resolve(s, c, next) { return next(s, { ...c, conditions: [...new Set([...c.conditions, '@criteria/source'])] }); }",
      )}`;
      register(addSourceCondition);
      // tsx's hooks run before ours, and call ours to resolve: the condition reaches every import.
      await import(pathToFileURL(require.resolve('tsx')).href);
      return (await import(pathToFileURL(source).href)).default;
    })();
  return loaded;
};

module.exports = {
  getReleaseLine: async (...args) => (await load()).getReleaseLine(...args),
  getDependencyReleaseLine: async (...args) => (await load()).getDependencyReleaseLine(...args),
};
