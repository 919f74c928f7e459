/**
 * A fast check for valid input, compiled from a zod schema's own definition:
 * the same regexes, enums, lengths, refinements (the calendar-date check, the
 * "indication or diagnoses" rule) and strictness, run as plain code without
 * building issues. It answers either the parsed value (valid for certain) or
 * {@link UNSURE}, and then zod parses as before and writes the field issues.
 * A construct it does not know compiles to UNSURE, so a schema change can only
 * make the fast path slower, never wrong; a test holds the request schema
 * fully compiled, and a property test holds both paths equal.
 */
import type { z } from 'zod';

/** The input is not certainly valid: ask zod. */
export const UNSURE: unique symbol = Symbol('unsure');
type Check = (value: unknown) => unknown;

interface Compiled {
  /** The parsed value (the input itself unless a default fills a field), or UNSURE. */
  parse: Check;
  /** False when some part of the schema compiled to UNSURE. */
  complete: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: zod's internal definitions are untyped here.
type Def = any;

const OBJECT_PROTO = Object.prototype;
const plain = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return (proto === OBJECT_PROTO || proto === null) && Object.getOwnPropertySymbols(v).length === 0;
};
const truthyCheck = (fn: (v: unknown) => unknown) => (v: unknown) => {
  const r = fn(v);
  return r instanceof Promise ? false : Boolean(r);
};

/** Compiles `schema` (zod 4) into a fast parse. */
export function compileFastParse(schema: z.ZodType): Compiled {
  let complete = true;
  const unsure: Check = () => UNSURE;
  const give = (): Check => {
    complete = false;
    return unsure;
  };

  /** A value check from a list of zod checks (length and string checks, refinements); null when one is unknown. */
  const checksOf = (checks: readonly { _zod: { def: Def } }[] | undefined) => {
    const out: ((v: unknown) => boolean)[] = [];
    for (const c of checks ?? []) {
      const d = c._zod.def;
      if (d.check === 'string_format' && d.format === 'regex' && d.pattern instanceof RegExp) {
        const re: RegExp = d.pattern;
        out.push((v) => {
          re.lastIndex = 0;
          return re.test(v as string);
        });
      } else if (d.check === 'min_length') {
        const n: number = d.minimum;
        out.push((v) => (v as { length: number }).length >= n);
      } else if (d.check === 'max_length') {
        const n: number = d.maximum;
        out.push((v) => (v as { length: number }).length <= n);
      } else if (d.check === 'custom' && typeof d.fn === 'function' && d.when === undefined) {
        out.push(truthyCheck(d.fn));
      } else return null;
    }
    return out;
  };

  const compile = (s: { _zod: { def: Def } }): Check => {
    const def = s._zod.def;
    switch (def.type) {
      case 'string': {
        const checks = checksOf(def.checks);
        if (checks === null) return give();
        return (v) => {
          if (typeof v !== 'string') return UNSURE;
          for (const c of checks) if (!c(v)) return UNSURE;
          return v;
        };
      }
      case 'boolean':
        if (def.checks?.length) return give();
        return (v) => (typeof v === 'boolean' ? v : UNSURE);
      case 'enum': {
        if (def.checks?.length) return give();
        const values = new Set<unknown>(Object.values(def.entries));
        return (v) => (typeof v === 'string' && values.has(v) ? v : UNSURE);
      }
      case 'unknown':
      case 'any':
        return (v) => v;
      case 'optional': {
        const inner = compile(def.innerType);
        return (v) => (v === undefined ? undefined : inner(v));
      }
      case 'default': {
        const inner = compile(def.innerType);
        // zod gives each parse its own copy of the default.
        return (v) => (v === undefined ? def.defaultValue : inner(v));
      }
      case 'array': {
        const element = compile(def.element);
        const checks = checksOf(def.checks);
        if (checks === null) return give();
        return (v) => {
          if (!Array.isArray(v)) return UNSURE;
          for (const c of checks) if (!c(v)) return UNSURE;
          let out: unknown[] | null = null;
          for (let i = 0; i < v.length; i++) {
            if (!(i in v)) return UNSURE;
            const x = v[i];
            const y = element(x);
            if (y === UNSURE) return UNSURE;
            if (y !== x) {
              out ??= v.slice();
              out[i] = y;
            }
          }
          return out ?? v;
        };
      }
      case 'record': {
        const key = def.keyType._zod.def;
        const value = def.valueType._zod.def;
        if (key.type !== 'string' || key.checks?.length || def.checks?.length) return give();
        if (value.type !== 'unknown' && value.type !== 'any') return give();
        return (v) => (plain(v) ? v : UNSURE);
      }
      case 'object': {
        // Strict objects only: an unknown key is an issue, never stripped.
        if (def.catchall?._zod.def.type !== 'never') return give();
        const keys = Object.keys(def.shape);
        const known = new Set(keys);
        const fields = keys.map((k) => compile(def.shape[k]));
        const checks = checksOf(def.checks);
        if (checks === null) return give();
        return (v) => {
          if (!plain(v)) return UNSURE;
          for (const k in v) if (!known.has(k) || !Object.hasOwn(v, k)) return UNSURE;
          let out: Record<string, unknown> | null = null;
          for (let i = 0; i < keys.length; i++) {
            const k = keys[i] as string;
            const x = v[k];
            const y = (fields[i] as Check)(x);
            if (y === UNSURE) return UNSURE;
            if (y !== x) {
              out ??= { ...v };
              out[k] = y;
            }
          }
          const result = out ?? v;
          for (const c of checks) if (!c(result)) return UNSURE;
          return result;
        };
      }
      default:
        return give();
    }
  };

  const parse = compile(schema as unknown as { _zod: { def: Def } });
  return { parse, complete };
}
