/** Row: the built `criteria list` (apps/cli/dist/main.js) against a bare node, side by side. */
import { fileURLToPath } from 'node:url';
import type { RowFn } from '../row.js';
import { BARE_NODE, interleavedMedians } from './spawn-time.js';

/** Medians, in milliseconds, of a bare node and of the built `criteria list`. */
export interface CliStartup {
  runs: number;
  bareMs: number;
  listMs: number;
  /** listMs / bareMs; the goal is at most 2. */
  ratio: number;
}

export const rows: Record<string, RowFn> = {
  'cli-startup': async ({ importRuns }) => {
    const main = fileURLToPath(new URL('../../../../apps/cli/dist/main.js', import.meta.url));
    const [bareMs = 0, listMs = 0] = interleavedMedians([BARE_NODE, [main, 'list']], importRuns);
    const figure: CliStartup = { runs: importRuns, bareMs, listMs, ratio: listMs / bareMs };
    return { figure, check: importRuns };
  },
};
