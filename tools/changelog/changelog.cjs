/**
 * The entry changesets loads (with `require`, from `.changeset/config.json`).
 * The formatter and the policies are TypeScript sources: this registers the
 * `@criteria/source` export condition and tsx, then imports src/index.ts, so
 * `changeset version` needs no build step, as the tests and the CLI do not.
 */
'use strict';
const { register } = require('node:module');
const { pathToFileURL } = require('node:url');
const path = require('node:path');

let loaded;
const load = () => {
  if (!loaded)
    loaded = (async () => {
      const addSourceCondition = `data:text/javascript,${encodeURIComponent(
        "export async function resolve(s, c, next) { return next(s, { ...c, conditions: [...new Set([...c.conditions, '@criteria/source'])] }); }",
      )}`;
      register(addSourceCondition);
      // tsx's hooks run before ours, and call ours to resolve: the condition reaches every import.
      await import(pathToFileURL(require.resolve('tsx')).href);
      const mod = await import(pathToFileURL(path.join(__dirname, 'src', 'index.ts')).href);
      return mod.default;
    })();
  return loaded;
};

module.exports = {
  getReleaseLine: async (...args) => (await load()).getReleaseLine(...args),
  getDependencyReleaseLine: async (...args) => (await load()).getDependencyReleaseLine(...args),
};
