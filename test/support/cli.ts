import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type Io, run } from '@criteria/cli';
import type { PolicyRegistry } from '@criteria/registry';

/** The repository root. */
export const root = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in this process with captured streams (fast; most tests). */
export async function runCli(
  args: readonly string[],
  options: { stdin?: string; today?: string; cwd?: string; policies?: PolicyRegistry } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    stdin: async function* () {
      if (options.stdin !== undefined) yield options.stdin;
    },
    stderrIsTty: false,
    today: () => options.today ?? '2026-11-26',
    cwd: options.cwd ?? root,
    ...(options.policies && { policies: options.policies }),
  };
  const status = await run(args, io);
  return { status, stdout, stderr };
}

/** Runs the real program in a child process, as `pnpm criteria` does (exit codes, no stack traces). */
export function spawnCli(
  args: readonly string[],
  options: { stdin?: string; env?: NodeJS.ProcessEnv } = {},
): CliResult {
  const r = spawnSync(
    process.execPath,
    ['--conditions=@criteria/source', '--import', 'tsx', 'apps/cli/src/main.ts', ...args],
    {
      cwd: root,
      input: options.stdin ?? '',
      encoding: 'utf8',
      env: { ...process.env, ...options.env },
    },
  );
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
