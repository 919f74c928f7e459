import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Where the spawned processes run: this package, so `@criteria/*` resolve to their builds (`dist/`). */
const here = fileURLToPath(new URL('..', import.meta.url));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

function wall(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: here, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr.toString()}`);
  return ms;
}

/** Medians, in milliseconds, of a bare `node -e ''` and of a fresh process importing the evaluator and the IMRT policy (their builds). */
export interface ImportTime {
  runs: number;
  bareMs: number;
  evaluatorMs: number;
  /** evaluatorMs − bareMs: what the import itself costs. */
  importMs: number;
  ratio: number;
}

/**
 * Spawns both processes `runs` times, interleaved so that machine noise hits
 * both alike, and reports the medians.
 */
export function importTime(runs: number): ImportTime {
  const bare: number[] = [];
  const full: number[] = [];
  const importing = [
    '--input-type=module',
    '-e',
    "await import('@criteria/evaluator'); await import('@criteria/policy-imrt');",
  ];
  wall(['-e', '']);
  wall(importing);
  for (let i = 0; i < runs; i++) {
    bare.push(wall(['-e', '']));
    full.push(wall(importing));
  }
  const bareMs = median(bare);
  const evaluatorMs = median(full);
  return { runs, bareMs, evaluatorMs, importMs: evaluatorMs - bareMs, ratio: evaluatorMs / bareMs };
}

/** Medians, in milliseconds, of a bare `node -e ''` and of the built `criteria list` (apps/cli/dist/main.js). */
export interface CliStartup {
  runs: number;
  bareMs: number;
  listMs: number;
  /** listMs / bareMs; the goal is at most 2. */
  ratio: number;
}

/** Spawns `node -e ''` and the built `criteria list` `runs` times each, interleaved, and reports the medians. */
export function cliStartup(runs: number): CliStartup {
  const main = fileURLToPath(new URL('../../../apps/cli/dist/main.js', import.meta.url));
  const bare: number[] = [];
  const list: number[] = [];
  wall(['-e', '']);
  wall([main, 'list']);
  for (let i = 0; i < runs; i++) {
    bare.push(wall(['-e', '']));
    list.push(wall([main, 'list']));
  }
  const bareMs = median(bare);
  const listMs = median(list);
  return { runs, bareMs, listMs, ratio: listMs / bareMs };
}
