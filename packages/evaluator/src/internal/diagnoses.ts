import type { DiagnosisMapping } from '@criteria/schema';

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

/** Maps each diagnosis through the policy's table (first matching row wins); null when no row matches. */
export function mapDiagnoses(
  rows: readonly DiagnosisMapping[],
  codes: readonly string[],
  attrs: Attributes,
): { code: string; indication: string | null }[] {
  const prefixes = prefixesOf(rows);
  return codes.map((code) => {
    const b = bare(code);
    return {
      code,
      indication:
        rows.find((row, i) => matches(row, prefixes[i] ?? '', b, attrs))?.indication ?? null,
    };
  });
}
