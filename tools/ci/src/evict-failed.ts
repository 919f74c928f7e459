import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The part of a turbo run summary (`turbo run --summarize`) this module reads. */
export interface RunSummary {
  tasks: readonly {
    taskId: string;
    hash: string;
    execution?: { exitCode?: number | null } | null;
  }[];
}

/** A task that did not finish with exit code 0, with the cache files removed for it. */
export interface Eviction {
  taskId: string;
  hash: string;
  removed: string[];
}

/**
 * Turbo caches only passing tasks, but it never removes an earlier pass stored under the
 * same hash when a later run of the same inputs fails (a flaky or environment-dependent
 * failure under `--force`, say): the next run would replay the old pass and show green.
 * This removes, for every task of the run that did not exit 0, each cache file named by
 * its hash, so the next run executes it again.
 *
 * @example
 * evictFailed(summary, '.turbo/cache'); // [{ taskId: '//#test:vitest', hash, removed: [...] }]
 */
export function evictFailed(summary: RunSummary, cacheDir: string): Eviction[] {
  const failed = summary.tasks.filter((t) => t.execution?.exitCode !== 0);
  if (failed.length === 0) return [];
  const files = existsSync(cacheDir) ? readdirSync(cacheDir) : [];
  return failed.map((t) => {
    const removed = files.filter((f) => f.startsWith(t.hash));
    for (const f of removed) rmSync(join(cacheDir, f), { force: true });
    return { taskId: t.taskId, hash: t.hash, removed };
  });
}

/** The run summaries in a turbo `runs` folder, by file name. */
export function summaryFiles(runsDir: string): Set<string> {
  return new Set(
    existsSync(runsDir) ? readdirSync(runsDir).filter((f) => f.endsWith('.json')) : [],
  );
}

/** Reads a run summary written by `turbo run --summarize`. */
export function readSummary(path: string): RunSummary {
  return JSON.parse(readFileSync(path, 'utf8')) as RunSummary;
}
