import type { DiagnosisMapping } from '@criteria/schema/core';

const bare = (code: string) => code.toUpperCase().replace('.', '');

/** The clinical attributes a request may carry. */
export interface Attributes {
  mediastinalInvolvement?: boolean | undefined;
}

// Each row's bare prefix, computed once per (frozen) table rather than per request and row.
const barePrefixes = new WeakMap<readonly DiagnosisMapping[], string[]>();
const prefixesOf = (rows: readonly DiagnosisMapping[]): string[] => {
  let p = barePrefixes.get(rows);
  if (p === undefined) {
    p = rows.map((row) => bare(row.prefix));
    barePrefixes.set(rows, p);
  }
  return p;
};

const matches = (row: DiagnosisMapping, prefix: string, code: string, attrs: Attributes): boolean =>
  code.startsWith(prefix) &&
  (row.when.mediastinalInvolvement === undefined ||
    row.when.mediastinalInvolvement === attrs.mediastinalInvolvement);

/** Beyond this many codes a table's cache stops growing (requests may carry any code): the rest are mapped directly. */
const MAX_CACHED = 4096;
// Per (frozen) table: each code's indication, once per value of the attribute a row may read.
const cached = new WeakMap<readonly DiagnosisMapping[], Map<string, string | null>[]>();
const attrSlot = (mediastinalInvolvement: boolean | undefined) =>
  mediastinalInvolvement === undefined ? 0 : mediastinalInvolvement ? 1 : 2;

const mapOne = (
  rows: readonly DiagnosisMapping[],
  prefixes: readonly string[],
  code: string,
  attrs: Attributes,
): string | null => {
  const b = bare(code);
  return rows.find((row, i) => matches(row, prefixes[i] ?? '', b, attrs))?.indication ?? null;
};

/** The cache of a table for one value of the attribute a row may read. */
function cacheOf(
  rows: readonly DiagnosisMapping[],
  mediastinalInvolvement: boolean | undefined,
): Map<string, string | null> {
  let caches = cached.get(rows);
  if (caches === undefined) {
    caches = [new Map(), new Map(), new Map()];
    cached.set(rows, caches);
  }
  return caches[attrSlot(mediastinalInvolvement)] as Map<string, string | null>;
}

/** One diagnosis's indication through the table (first matching row wins); null when no row matches. */
function lookup(
  rows: readonly DiagnosisMapping[],
  cache: Map<string, string | null>,
  code: string,
  mediastinalInvolvement: boolean | undefined,
): string | null {
  let indication = cache.get(code);
  if (indication === undefined) {
    indication = mapOne(rows, prefixesOf(rows), code, { mediastinalInvolvement });
    if (cache.size < MAX_CACHED) cache.set(code, indication);
  }
  return indication;
}

/** Maps each diagnosis through the policy's table (first matching row wins); null when no row matches. */
export function mapDiagnoses(
  rows: readonly DiagnosisMapping[],
  codes: readonly string[],
  mediastinalInvolvement: boolean | undefined,
): { code: string; indication: string | null }[] {
  const cache = cacheOf(rows, mediastinalInvolvement);
  const out: { code: string; indication: string | null }[] = [];
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] as string;
    out.push({ code, indication: lookup(rows, cache, code, mediastinalInvolvement) });
  }
  return out;
}

/**
 * The indications the diagnoses map to, each once, in order: the `items` of
 * {@link mapDiagnoses}'s rows without building them (an outcome needs only these).
 */
export function diagnosisIndications(
  rows: readonly DiagnosisMapping[],
  codes: readonly string[],
  mediastinalInvolvement: boolean | undefined,
): (string | null)[] {
  const cache = cacheOf(rows, mediastinalInvolvement);
  const items: (string | null)[] = [];
  for (let i = 0; i < codes.length; i++) {
    const indication = lookup(rows, cache, codes[i] as string, mediastinalInvolvement);
    if (!items.includes(indication)) items.push(indication);
  }
  return items;
}
