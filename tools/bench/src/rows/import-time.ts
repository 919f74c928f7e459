/**
 * Row: a fresh process importing the evaluator and the IMRT policy (their
 * builds, as a service loads them) against a bare node, side by side.
 */
import { spawnSync } from 'node:child_process';
import type { RowFn } from '../row.js';
import { BARE_NODE, benchPackage, interleavedMedians } from './spawn-time.js';

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

/**
 * Not timed: what the timed import loads. The evaluator's entry point loads no
 * zod (zod 4 marks its loading with `globalThis.__zod_globalConfig`); a refused
 * request loads it then (`require(esm)`) and gets its issues. Prints the
 * issues' paths.
 */
const LAZY_ZOD = [
  '--input-type=module',
  '-e',
  [
    "const [{ safeEvaluate }, { imrt }] = await Promise.all([import('@criteria/evaluator'), import('@criteria/policy-imrt')]);",
    "if (globalThis.__zod_globalConfig !== undefined) throw new Error('zod loaded at import');",
    "const r = safeEvaluate(imrt, { policy: 'imrt', dateOfService: '2021-02-30', procedureCodes: [] });",
    "if (r.ok || globalThis.__zod_globalConfig === undefined) throw new Error('a refused request did not load zod');",
    "process.stdout.write(r.issues.map((i) => i.path).join(','));",
  ].join(' '),
] as const;

/** Runs {@link LAZY_ZOD} in a fresh process on the builds; the issues' paths. */
export function lazyZodCheck(): string {
  const r = spawnSync(process.execPath, LAZY_ZOD, { cwd: benchPackage, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`import check failed: ${r.stderr}`);
  if (r.stdout !== 'lineOfBusiness,dateOfService,procedureCodes')
    throw new Error(`import check: unexpected issues ${r.stdout}`);
  return r.stdout;
}

export const rows: Record<string, RowFn> = {
  import: async ({ importRuns }) => {
    lazyZodCheck();
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
