/**
 * The names a module exports, sorted: a package's public API test snapshots them, so an
 * export added or removed is a reviewed change. Refuses a namespace with an `undefined`
 * export (a re-export of a name the source module no longer has).
 *
 * @example
 * import * as api from './index.js';
 * expect(exportedNames(api)).toMatchInlineSnapshot(`[ "evaluate" ]`);
 */
export function exportedNames(api: object): string[] {
  const names = Object.keys(api).sort();
  const missing = names.filter((n) => (api as Record<string, unknown>)[n] === undefined);
  if (missing.length > 0) throw new Error(`exports without a value: ${missing.join(', ')}`);
  return names;
}
