/**
 * Writes a fast check for valid input as straight-line TypeScript, from a zod
 * schema's own definition: the same regexes, enums, lengths, refinements (by
 * name: each custom check must be a function the caller names with its module)
 * and strictness, run as plain code without building issues. The check answers
 * either the parsed value (valid for certain) or UNSURE, and then zod parses as
 * before and writes the field issues. A construct it does not know is an error
 * here (at generate time), never a silent gap; `pnpm generate:request-check`
 * writes the request's check and a property test holds it equal to zod.
 */
import type { z } from 'zod';

// biome-ignore lint/suspicious/noExplicitAny: zod's internal definitions are untyped here.
type Def = any;

/** A function a custom check calls, and where the generated code imports it from. */
export interface NamedCheck {
  fn: unknown;
  name: string;
  from: string;
}

/** Source of a module exporting `name(input): unknown` (the value or `UNSURE`) for `schema`. */
export function emitFastParse(
  schema: z.ZodType,
  options: { name: string; header: string; checks: readonly NamedCheck[] },
): string {
  const fns: string[] = [];
  const regexes: string[] = [];
  const imports = new Map<string, Set<string>>();
  const fail = (what: string): never => {
    throw new Error(`emitFastParse: ${what} has no fast check; extend scripts/emit-fast-parse.ts`);
  };
  const named = (fn: unknown): string => {
    const n = options.checks.find((c) => c.fn === fn) ?? fail('an unnamed custom check');
    const set = imports.get(n.from) ?? new Set<string>();
    set.add(n.name);
    imports.set(n.from, set);
    return n.name;
  };

  /** Conditions (each true when valid) for a list of zod checks on `v`. */
  const checksOf = (checks: readonly { _zod: { def: Def } }[] | undefined, v: string) =>
    (checks ?? []).map((c) => {
      const d = c._zod.def;
      if (d.check === 'string_format' && d.format === 'regex' && d.pattern instanceof RegExp) {
        const re: RegExp = d.pattern;
        if (re.global || re.sticky) return fail('a global or sticky regex');
        const literal = `/${re.source}/${re.flags}`;
        if (!regexes.includes(literal)) regexes.push(literal);
        return `RE${regexes.indexOf(literal)}.test(${v})`;
      }
      if (d.check === 'min_length') return `${v}.length >= ${Number(d.minimum)}`;
      if (d.check === 'max_length') return `${v}.length <= ${Number(d.maximum)}`;
      if (d.check === 'custom' && typeof d.fn === 'function' && d.when === undefined) {
        // zod fails a refinement that answers a promise in a sync parse.
        const name = named(d.fn);
        return `truthy(${name}(${v} as never))`;
      }
      return fail(`the check ${String(d.check)}`);
    });

  /** The name of a function checking `s`, declared in `fns`. */
  const compile = (s: { _zod: { def: Def } }): string => {
    const def = s._zod.def;
    const name = `check${fns.length}`;
    fns.push('');
    const at = fns.length - 1;
    const body: string[] = [];
    switch (def.type) {
      case 'string': {
        body.push(`if (typeof v !== 'string') return UNSURE;`);
        for (const c of checksOf(def.checks, 'v')) body.push(`if (!(${c})) return UNSURE;`);
        body.push('return v;');
        break;
      }
      case 'boolean':
        if (def.checks?.length) fail('a checked boolean');
        body.push(`return typeof v === 'boolean' ? v : UNSURE;`);
        break;
      case 'enum': {
        if (def.checks?.length) fail('a checked enum');
        const values = Object.values(def.entries) as unknown[];
        if (!values.every((x) => typeof x === 'string')) fail('a non-string enum');
        body.push(`switch (v) {`);
        for (const x of values) body.push(`case ${JSON.stringify(x)}:`);
        body.push('return v;', 'default:', 'return UNSURE;', '}');
        break;
      }
      case 'unknown':
      case 'any':
        body.push('return v;');
        break;
      case 'optional': {
        const inner = compile(def.innerType);
        body.push(`return v === undefined ? undefined : ${inner}(v);`);
        break;
      }
      case 'default': {
        const inner = compile(def.innerType);
        // A fresh copy of the default on each parse, as zod gives.
        const text = JSON.stringify(def.defaultValue);
        if (text === undefined || JSON.stringify(JSON.parse(text)) !== text) fail('a default');
        body.push(`return v === undefined ? ${text} : ${inner}(v);`);
        break;
      }
      case 'array': {
        const element = compile(def.element);
        body.push('if (!Array.isArray(v)) return UNSURE;');
        for (const c of checksOf(def.checks, 'v')) body.push(`if (!(${c})) return UNSURE;`);
        body.push(
          'let out: unknown[] | null = null;',
          'for (let i = 0; i < v.length; i++) {',
          'if (!(i in v)) return UNSURE;',
          'const x = v[i];',
          `const y = ${element}(x);`,
          'if (y === UNSURE) return UNSURE;',
          'if (y !== x) {',
          'out ??= v.slice();',
          'out[i] = y;',
          '}',
          '}',
          'return out ?? v;',
        );
        break;
      }
      case 'record': {
        const key = def.keyType._zod.def;
        const value = def.valueType._zod.def;
        if (key.type !== 'string' || key.checks?.length || def.checks?.length) fail('a record');
        if (value.type !== 'unknown' && value.type !== 'any') fail('a record of checked values');
        // A record reads every own key, symbols too (zod: Reflect.ownKeys): a symbol key fails a string key schema.
        body.push('return plain(v) && Object.getOwnPropertySymbols(v).length === 0 ? v : UNSURE;');
        break;
      }
      case 'object': {
        // Strict objects only: an unknown key is an issue, never stripped.
        if (def.catchall?._zod.def.type !== 'never') fail('a non-strict object');
        const keys = Object.keys(def.shape);
        if (keys.length > 30) fail('an object of more than 30 keys');
        const fields = keys.map((k) => compile(def.shape[k]));
        // One pass over the keys the object has, each value read as `v[k]` inside the for...in:
        // V8 reads those through the enumeration cache, where a named read per field of the
        // shape is a megamorphic lookup (requests come in many shapes, as optional fields
        // come and go). The checks are pure, so their order changes no answer; a bit per
        // field says which were seen, and each one absent is checked as undefined after.
        const key = (k: string) =>
          /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;
        body.push(
          'if (!plain(v)) return UNSURE;',
          'let out: Record<string, unknown> | null = null;',
          'let seen = 0;',
          'for (const k in v) {',
          'if (!Object.hasOwn(v, k)) return UNSURE;',
          'const x = v[k];',
          'let y: unknown;',
          'switch (k) {',
          ...keys.flatMap((k, i) => [
            `case ${JSON.stringify(k)}:`,
            `seen |= ${2 ** i};`,
            `y = ${fields[i]}(x);`,
            'break;',
          ]),
          'default:',
          'return UNSURE;',
          '}',
          'if (y === UNSURE) return UNSURE;',
          'if (y !== x) {',
          'out ??= { ...v };',
          'out[k] = y;',
          '}',
          '}',
          `if (seen !== ${2 ** keys.length - 1}) {`,
          ...keys.flatMap((k, i) => [
            `if ((seen & ${2 ** i}) === 0) {`,
            `const y = ${fields[i]}(undefined);`,
            'if (y === UNSURE) return UNSURE;',
            'if (y !== undefined) {',
            'out ??= { ...v };',
            `out${key(k)} = y;`,
            '}',
            '}',
          ]),
          '}',
        );
        body.push('const result = out ?? v;');
        for (const c of checksOf(def.checks, 'result')) body.push(`if (!(${c})) return UNSURE;`);
        body.push('return result;');
        break;
      }
      default:
        fail(`the type ${String(def.type)}`);
    }
    fns[at] = `function ${name}(v: unknown): unknown {\n${body.join('\n')}\n}`;
    return name;
  };

  const root = compile(schema as unknown as { _zod: { def: Def } });
  const importLines = [...imports].map(
    ([from, names]) => `import { ${[...names].sort().join(', ')} } from '${from}';`,
  );
  return [
    options.header,
    ...importLines,
    '',
    ...regexes.map((r, i) => `const RE${i} = ${r};`),
    '',
    '/** The input is not certainly valid: ask zod. */',
    `export const UNSURE: unique symbol = Symbol('unsure');`,
    '',
    'const OBJECT_PROTO = Object.prototype;',
    '// An object zod reads as one: a strict object reads its string keys (for...in), never a symbol key,',
    '// so a symbol key changes nothing zod answers about it (nor anything the evaluator reads).',
    'function plain(v: unknown): v is Record<string, unknown> {',
    `if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;`,
    'const proto = Object.getPrototypeOf(v);',
    'return proto === OBJECT_PROTO || proto === null;',
    '}',
    'function truthy(r: unknown): boolean {',
    'return r instanceof Promise ? false : Boolean(r);',
    '}',
    '',
    ...fns.flatMap((f) => [f, '']),
    `/** The parsed value (the input itself unless a default fills a field), or {@link UNSURE}. */`,
    `export const ${options.name}: (input: unknown) => unknown = ${root};`,
    '',
  ].join('\n');
}
