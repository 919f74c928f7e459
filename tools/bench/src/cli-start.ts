import { fileURLToPath } from 'node:url';
import { median, wall } from './import-time.js';

/** The built CLI (`pnpm bench` builds it first). */
const main = fileURLToPath(new URL('../../../apps/cli/dist/main.js', import.meta.url));

/** Medians, in milliseconds, of a bare `node -e 0` and of the built `criteria list` (apps/cli/dist/main.js). */
export interface CliStart {
  runs: number;
  bareMs: number;
  listMs: number;
  /** listMs / bareMs; the goal is at most 2. */
  ratio: number;
}

/**
 * Spawns `node -e 0` and the built `criteria list` `runs` times each,
 * interleaved so that the machine's other work hits both alike, after one
 * warm-up of each, and reports the medians. `criteria list` reads each policy
 * package's generated metadata: no zod, no validation, no hashing.
 *
 * @example cliStart(31).ratio // => 1.6 (goal: at most 2)
 */
export function cliStart(runs: number): CliStart {
  const bare: number[] = [];
  const list: number[] = [];
  wall(['-e', '0']);
  wall([main, 'list']);
  for (let i = 0; i < runs; i++) {
    bare.push(wall(['-e', '0']));
    list.push(wall([main, 'list']));
  }
  const bareMs = median(bare);
  const listMs = median(list);
  return { runs, bareMs, listMs, ratio: listMs / bareMs };
}
