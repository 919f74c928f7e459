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
// Indexes and for-in, not Object.values: this runs once, cold, on import (about a quarter of the time).
const freeze = (value) => {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      if (v !== null && typeof v === 'object') freeze(v);
    }
  } else {
    for (const k in value) {
      const v = value[k];
      if (v !== null && typeof v === 'object') freeze(v);
    }
  }
  return Object.freeze(value);
};
/** ${policy.title}: validated and hashed at build time, frozen when this module loads. */
export const ${name} = freeze(JSON.parse(${JSON.stringify(JSON.stringify(policy))}));
${extra}`;
}
