import { execFileSync, type StdioOptions } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is tools/release/src/workspace.ts). */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** pnpm at the version the repository pins (corepack is not relied on). */
export const PNPM = ['npx', '-y', 'pnpm@10.34.9'] as const;

export interface WorkspacePackage {
  name: string;
  version: string;
  path: string;
  private: boolean;
}

/** Runs a command, its output passed through (or captured when `capture`), failing on a non-zero exit. */
export function sh(
  command: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; capture?: boolean } = {},
): string {
  const [file, ...args] = command;
  if (file === undefined) throw new Error('sh: empty command');
  const stdio: StdioOptions = options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit';
  const out = execFileSync(file, args, {
    cwd: options.cwd ?? root,
    env: options.env ?? process.env,
    stdio,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return out ?? '';
}

/** Every workspace package (pnpm's own listing), the root excluded. */
export function workspacePackages(): WorkspacePackage[] {
  const listed = JSON.parse(
    sh([...PNPM, 'ls', '-r', '--depth', '-1', '--json'], { capture: true }),
  ) as { name?: string; version?: string; path: string; private?: boolean }[];
  return listed
    .filter((p) => p.path !== root && p.name !== undefined)
    .map((p) => ({
      name: p.name as string,
      version: p.version ?? '0.0.0',
      path: p.path,
      private: p.private === true,
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The packages a service or an analyst installs: every workspace package not marked private. */
export const publicPackages = (): WorkspacePackage[] =>
  workspacePackages().filter((p) => !p.private);

/** Builds the public packages and what they depend on (turbo, cached). */
export function buildPublic(packages: readonly WorkspacePackage[]): void {
  sh([
    ...PNPM,
    'exec',
    'turbo',
    'run',
    'build',
    '--output-logs=errors-only',
    ...packages.map((p) => `--filter=${p.name}...`),
  ]);
}
