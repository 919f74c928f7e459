import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The workspace's root folder (this package lives in `packages/testing`). */
export const workspaceRoot: string = fileURLToPath(new URL('../../..', import.meta.url));

/** Never copied: build output, caches, git's own data. */
const SKIP = new Set(['.git', '.turbo', 'dist', 'coverage']);

/**
 * How the copy finds its dependencies:
 * - `symlink` (default): each workspace folder's node_modules is a symlink to the real one.
 *   Fast; workspace packages then resolve to the real checkout, not to the copy.
 * - `relink`: third-party packages are linked from the real checkout, but the workspace's own
 *   links are recreated inside the copy, so `@criteria/*` imports resolve to the copy's files.
 * - `install`: `pnpm install --offline --frozen-lockfile` in the copy (slowest; a real install).
 */
export type TempRepoModules = 'symlink' | 'relink' | 'install';

export interface TempRepoOptions {
  /** Paths (relative to the root) to copy, files or folders; default the whole repository. */
  only?: readonly string[];
  modules?: TempRepoModules;
  /** Make the copy a git repository with everything committed (for `git status` checks). */
  git?: boolean;
  /** The repository to copy; default the workspace this package is in. */
  root?: string;
}

export interface TempRepo {
  dir: string;
  /** The absolute path of `p` (relative to the copy's root). */
  path: (p: string) => string;
  /** Every file outside node_modules and .git with its text, to prove what was (not) written. */
  files: () => Record<string, string>;
  remove: () => void;
}

/** Workspace folders (relative), each of which may have its own node_modules. */
const workspaceDirs = (root: string): string[] => [
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

/**
 * pnpm as the test run was started (`npm_execpath`), else from PATH, else the version the
 * root package.json names in `packageManager`, through npx (a plain `npx vitest` run).
 */
const pnpm = (root: string): [string, string[]] => {
  const exec = process.env.npm_execpath;
  if (exec?.includes('pnpm')) return exec.endsWith('js') ? [process.execPath, [exec]] : [exec, []];
  if (spawnSync('pnpm', ['--version'], { encoding: 'utf8' }).status === 0) return ['pnpm', []];
  const manager = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager;
  return ['npx', ['--yes', typeof manager === 'string' ? manager : 'pnpm']];
};

const run = (cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  if (r.status !== 0)
    throw new Error(
      `${cmd} ${args.join(' ')} in ${cwd} failed: ${r.error?.message ?? ''}${r.stderr ?? ''}${r.stdout ?? ''}`,
    );
};

/**
 * A temporary copy of the repository (or of some of its paths) for tests that write files:
 * the real checkout is never touched. Call `remove()` when done.
 *
 * @example
 * const repo = tempRepo({ only: ['package.json', 'policies/imrt'] });
 * try { ... repo.path('policies/imrt/src/input.ts') ... } finally { repo.remove(); }
 */
export function tempRepo(options: TempRepoOptions = {}): TempRepo {
  const root = options.root ?? workspaceRoot;
  const modules = options.modules ?? 'symlink';
  const dir = mkdtempSync(join(tmpdir(), 'criteria-repo-'));
  const filter = (src: string) => {
    const parts = relative(root, src).split(sep);
    if (parts.some((part) => SKIP.has(part))) return false;
    // `relink` keeps the packages' node_modules (symlinks, copied as they are); only the
    // root's is rebuilt below.
    if (modules === 'relink') return parts.join('/') !== 'node_modules';
    return !parts.includes('node_modules');
  };
  const copy = { recursive: true, verbatimSymlinks: true, filter };
  if (options.only === undefined) cpSync(root, dir, copy);
  else for (const p of options.only) cpSync(join(root, p), join(dir, p), copy);

  if (modules === 'install') {
    const [cmd, pre] = pnpm(root);
    run(cmd, [...pre, 'install', '--offline', '--frozen-lockfile'], dir, { CI: '1' });
  } else if (modules === 'relink') {
    const real = join(root, 'node_modules');
    mkdirSync(join(dir, 'node_modules'));
    for (const name of readdirSync(real)) {
      if (name !== '@criteria') {
        symlinkSync(join(real, name), join(dir, 'node_modules', name));
        continue;
      }
      // The workspace's own links are relative, so as copied they point into the copy.
      mkdirSync(join(dir, 'node_modules', name));
      for (const pkg of readdirSync(join(real, name)))
        symlinkSync(readlinkSync(join(real, name, pkg)), join(dir, 'node_modules', name, pkg));
    }
  } else
    for (const ws of workspaceDirs(root)) {
      const real = join(root, ws, 'node_modules');
      if (existsSync(real) && existsSync(join(dir, ws)))
        symlinkSync(real, join(dir, ws, 'node_modules'), 'dir');
    }

  if (options.git) {
    const author = {
      GIT_AUTHOR_NAME: 'test',
      GIT_AUTHOR_EMAIL: 'test@example.invalid',
      GIT_COMMITTER_NAME: 'test',
      GIT_COMMITTER_EMAIL: 'test@example.invalid',
    };
    run('git', ['init', '-q'], dir, author);
    run('git', ['add', '-A'], dir, author);
    run('git', ['commit', '-q', '--no-verify', '-m', 'copy'], dir, author);
  }

  const files = (): Record<string, string> => {
    const out: Record<string, string> = {};
    const walk = (d: string) => {
      for (const name of readdirSync(d).sort()) {
        if (name === 'node_modules' || name === '.git') continue;
        const p = join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else out[relative(dir, p).split(sep).join('/')] = readFileSync(p, 'utf8');
      }
    };
    walk(dir);
    return out;
  };
  return {
    dir,
    path: (p) => join(dir, p),
    files,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
