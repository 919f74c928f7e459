/** Wall time of fresh processes, for the start-up rows. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Where the spawned processes run: this package, so `@criteria/*` resolve to their builds (`dist/`). */
export const benchPackage = fileURLToPath(new URL('../..', import.meta.url));

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

/** Milliseconds from spawning `node ...args` to its exit (it must exit 0). */
export function wall(args: readonly string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: benchPackage,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr.toString()}`);
  return ms;
}

/**
 * Spawns each command `runs` times, interleaved (a, b, a, b, ...) so that
 * machine noise falls on all alike, after one unmeasured run of each (the
 * file cache); gives each command's median in milliseconds.
 */
export function interleavedMedians(
  commands: readonly (readonly string[])[],
  runs: number,
): number[] {
  for (const c of commands) wall(c);
  const times = commands.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) for (const [k, c] of commands.entries()) times[k]?.push(wall(c));
  return times.map(median);
}

/** A bare node: `node -e 0`, as the goals are stated. */
export const BARE_NODE = ['-e', '0'] as const;
