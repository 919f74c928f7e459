import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { root } from './cli.js';

const SKIP = new Set(['node_modules', '.git', '.turbo', 'dist', 'coverage']);

/** Workspace folders (relative), each of which may have its own node_modules. */
const workspaceDirs = (): string[] => [
  '.',
  'test',
  ...['packages', 'policies', 'apps', 'tools'].flatMap((group) =>
    existsSync(join(root, group))
      ? readdirSync(join(root, group), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => `${group}/${d.name}`)
      : [],
  ),
];

/** pnpm as the test run was started (`npm_execpath`), else from PATH. */
const pnpm = (): [string, string[]] => {
  const exec = process.env.npm_execpath;
  if (exec?.includes('pnpm')) return exec.endsWith('js') ? [process.execPath, [exec]] : [exec, []];
  return ['pnpm', []];
};

/**
 * A temporary copy of the repository without node_modules, for tests that edit
 * a policy or scaffold a revision. Never touches the real checkout. By default
 * each node_modules is a symlink to the real one (fast; workspace packages then
 * resolve to the real checkout); `install: true` runs an offline install in the
 * copy instead, so the copy's own packages are the ones imported.
 *
 * @example
 * const repo = tempRepo();
 * try { ... repo.path('policies/imrt/src/revisions/2021-03-02.ts') ... } finally { repo.remove(); }
 */
export function tempRepo(options: { install?: boolean } = {}): {
  dir: string;
  path: (p: string) => string;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'criteria-repo-'));
  cpSync(root, dir, {
    recursive: true,
    filter: (src) => !SKIP.has(relative(root, src).split(/[\\/]/).pop() ?? ''),
  });
  if (options.install) {
    const [cmd, pre] = pnpm();
    const r = spawnSync(cmd, [...pre, 'install', '--offline', '--frozen-lockfile'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CI: '1' },
    });
    if (r.status !== 0) throw new Error(`pnpm install in ${dir} failed: ${r.stderr}${r.stdout}`);
  } else
    for (const ws of workspaceDirs()) {
      const modules = join(root, ws, 'node_modules');
      if (existsSync(modules) && existsSync(join(dir, ws)))
        symlinkSync(modules, join(dir, ws, 'node_modules'), 'dir');
    }
  return {
    dir,
    path: (p) => join(dir, p),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
