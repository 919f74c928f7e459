import type { LoadedPolicy } from './define-policy.js';

/**
 * The text of an ES module that exports `policy` as loaded (validated, hashed,
 * readings built) under `name`, deeply frozen: a policy package's build writes
 * it over its entry point, so importing the built policy parses one JSON text
 * and validates and hashes nothing. `extra` is appended (further exports).
 * The data is embedded as a JSON string: V8 parses `JSON.parse('…')` faster
 * than the same object literal.
 *
 * @example writeFileSync('dist/index.js', frozenPolicyModule(definePolicy(input), { name: 'imrt' }));
 */
export function frozenPolicyModule(
  policy: LoadedPolicy,
  { name, extra = '' }: { name: string; extra?: string },
): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new TypeError(`not an identifier: ${name}`);
  return `// Written by the build from the validated policy (definePolicy): its hashes and readings were
// computed then, and lint checks them against the policy's lock files. Do not edit.
const freeze = (value) => {
  if (value !== null && typeof value === 'object') {
    Object.freeze(value);
    for (const v of Object.values(value)) freeze(v);
  }
  return value;
};
/** ${policy.title}: validated and hashed at build time, frozen when this module loads. */
export const ${name} = freeze(JSON.parse(${JSON.stringify(JSON.stringify(policy))}));
${extra}`;
}
