import type { DiagnosisMapping } from '@criteria/schema';

const bare = (code: string) => code.toUpperCase().replace('.', '');

/** The clinical attributes a request may carry. */
export interface Attributes {
  technique?: 'apbi' | undefined;
  mediastinalInvolvement?: boolean | undefined;
}

const matches = (row: DiagnosisMapping, code: string, attrs: Attributes): boolean =>
  bare(code).startsWith(bare(row.prefix)) &&
  (row.when.technique === undefined || row.when.technique === attrs.technique) &&
  (row.when.mediastinalInvolvement === undefined ||
    row.when.mediastinalInvolvement === attrs.mediastinalInvolvement);

/** Maps each diagnosis through the policy's table (first matching row wins); null when no row matches. */
export function mapDiagnoses(
  rows: readonly DiagnosisMapping[],
  codes: readonly string[],
  attrs: Attributes,
): { code: string; indication: string | null }[] {
  return codes.map((code) => ({
    code,
    indication: rows.find((row) => matches(row, code, attrs))?.indication ?? null,
  }));
}
