/**
 * Row: a fresh process importing the evaluator and the IMRT policy (their
 * builds, as a service loads them) against a bare node, side by side.
 */
import type { RowFn } from '../row.js';
import { BARE_NODE, interleavedMedians } from './spawn-time.js';

/** Medians, in milliseconds, of a bare node and of a fresh process importing the evaluator and the IMRT policy. */
export interface ImportTime {
  runs: number;
  bareMs: number;
  evaluatorMs: number;
  /** evaluatorMs − bareMs: what the import itself costs. */
  importMs: number;
  /** evaluatorMs / bareMs; the goal is at most 1.5. */
  ratio: number;
}

const IMPORTING = [
  '--input-type=module',
  '-e',
  "const [{ evaluate }, { imrt }] = await Promise.all([import('@criteria/evaluator'), import('@criteria/policy-imrt')]); if (typeof evaluate !== 'function' || imrt.revisions.length === 0) process.exit(1);",
] as const;

export const rows: Record<string, RowFn> = {
  import: async ({ importRuns }) => {
    const [bareMs = 0, evaluatorMs = 0] = interleavedMedians([BARE_NODE, IMPORTING], importRuns);
    const figure: ImportTime = {
      runs: importRuns,
      bareMs,
      evaluatorMs,
      importMs: evaluatorMs - bareMs,
      ratio: evaluatorMs / bareMs,
    };
    return { figure, check: importRuns };
  },
};
