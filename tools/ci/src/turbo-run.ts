/**
 * `pnpm test`: runs `turbo run <tasks...>` with a run summary and, when the run fails,
 * evicts the failed tasks from turbo's local cache (see evictFailed), so that no earlier
 * pass can be replayed as green for inputs that have just failed. Exits with turbo's status.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evictFailed, readSummary, summaryFiles } from './evict-failed.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const runsDir = join(root, '.turbo', 'runs');
const cacheDir = join(root, '.turbo', 'cache');

// `pnpm test -- --force` hands the wrapper a literal `--`: the flags after it are turbo's.
const args = process.argv.slice(2).filter((a, i, all) => !(a === '--' && all.indexOf('--') === i));

const before = summaryFiles(runsDir);
const turbo = spawnSync(
  join(root, 'node_modules', '.bin', 'turbo'),
  ['run', ...args, '--summarize'],
  { cwd: root, stdio: 'inherit' },
);
const status = turbo.status ?? 1;
const written = [...summaryFiles(runsDir)].filter((f) => !before.has(f));
for (const file of written) {
  const path = join(runsDir, file);
  if (status !== 0)
    for (const e of evictFailed(readSummary(path), cacheDir))
      if (e.removed.length > 0)
        process.stderr.write(`evicted ${e.taskId} (${e.hash}) from turbo's cache: it failed\n`);
  rmSync(path, { force: true });
}
process.exit(status);
