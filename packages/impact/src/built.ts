/**
 * Whether the build (`dist/`) of a workspace package and of its workspace
 * dependencies is at least as new as their sources: then impact's worker
 * threads can run the built JavaScript even when the main thread runs the
 * sources (tsx, vitest), instead of registering tsx in every worker.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const mtime = (path: string): number | null => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
};

/** The newest modification time of a non-test `.ts` file under `dir` (0 when none). */
function newestSource(dir: string): number {
  let newest = 0;
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return 0;
  }
  for (const name of names)
    if (name.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(name))
      newest = Math.max(newest, mtime(join(dir, name)) ?? 0);
  return newest;
}

/** The folders of `packageDir` and of every workspace package it depends on (`workspace:` versions), recursively. */
export function workspaceClosure(packageDir: string): string[] {
  const seen = new Set<string>();
  const visit = (dir: string) => {
    if (seen.has(dir)) return;
    seen.add(dir);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    const require = createRequire(join(dir, 'package.json'));
    for (const [name, version] of Object.entries(manifest.dependencies ?? {}))
      if (version.startsWith('workspace:')) visit(dirname(require.resolve(`${name}/package.json`)));
  };
  visit(packageDir);
  return [...seen];
}

/** True when every package folder has a `dist/index.js` at least as new as its newest source under `src/`. */
export function buildIsFresh(packageDirs: readonly string[]): boolean {
  return packageDirs.every((dir) => {
    const built = mtime(join(dir, 'dist', 'index.js'));
    return built !== null && built >= newestSource(join(dir, 'src'));
  });
}
