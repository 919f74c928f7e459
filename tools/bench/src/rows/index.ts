/**
 * Every row of the bench, by family: one module per family, imported only by
 * the process that runs one of its rows. A new row family is one module and
 * one entry here.
 */
import type { RowFn } from '../row.js';

type Family = () => Promise<{ rows: Record<string, RowFn> }>;

/** Row ids, in the order `pnpm bench` runs them, and the module of each family. */
export const FAMILIES: readonly { rows: readonly string[]; load: Family }[] = [
  {
    rows: ['json-parse', 'validation', 'evaluate', 'parse-evaluate', 'stringify'],
    load: () => import('./evaluate.js'),
  },
  { rows: ['in-effect', 'select-revision', 'iso-date'], load: () => import('./lookups.js') },
  {
    rows: ['json-rules-engine', 'outcome-subset', 'evaluate-subset'],
    load: () => import('./json-rules-engine.js'),
  },
  { rows: ['import'], load: () => import('./import-time.js') },
  { rows: ['cli-startup'], load: () => import('./cli-startup.js') },
  { rows: ['impact-read-parse', 'impact-1', 'impact-2'], load: () => import('./impact.js') },
];

/** Every row id, in running order. */
export const ROW_IDS: readonly string[] = FAMILIES.flatMap((f) => f.rows);

/** The function of row `id` (imports its family's module). */
export async function loadRow(id: string): Promise<RowFn> {
  const family = FAMILIES.find((f) => f.rows.includes(id));
  const row = family && (await family.load()).rows[id];
  if (row === undefined) throw new Error(`no bench row \`${id}\` (known: ${ROW_IDS.join(', ')})`);
  return row;
}
