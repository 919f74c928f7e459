import type { PolicyRegistry } from '@criteria/registry';

/** Where a command reads and writes: the process in production, buffers in tests. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input as a stream of text chunks. */
  stdin: () => AsyncIterable<string>;
  /** Whether stderr is a terminal (progress bars only then). */
  stderrIsTty: boolean;
  /** Today's date, injectable for tests. */
  today: () => string;
  cwd: string;
  /** The policies commands know; default: `@criteria/registry`'s (tests pass another set). */
  policies?: PolicyRegistry;
}

/** Exit statuses: 0 done, 1 a check found errors (lint), 2 usage or input error. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Thrown by a command to end with a given exit status after it has written its output. */
export class ExitStatus {
  constructor(readonly code: number) {}
}

/** A usage or input error: exit status 2, one line on stderr, no stack. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Ends the process quietly (status 0) when the reader of `stream` goes away
 * (`criteria ... | head -1`): a closed pipe is not an error of ours, and no
 * stack trace is printed. Any other stream error is rethrown.
 */
export function quietOnClosedPipe(
  stream: NodeJS.WritableStream,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') exit(0);
    else throw e;
  });
}

/**
 * The directory the user ran the command from. `pnpm criteria` runs the script
 * from the repository root and says where it was called in `INIT_CWD`; that is
 * only trusted when pnpm started this very script (`npm_lifecycle_event`), not
 * when it was inherited from an outer script (a test run spawning the CLI).
 */
export function callerCwd(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const init = env.INIT_CWD;
  return init && env.npm_lifecycle_event === 'criteria' ? init : cwd;
}

/** The process's own streams. */
export function processIo(): Io {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdin: async function* () {
      process.stdin.setEncoding('utf8');
      for await (const chunk of process.stdin) yield chunk as string;
    },
    stderrIsTty: process.stderr.isTTY === true,
    today: () => {
      // The one place a clock is read: the local calendar day, formatted by hand (no Date in domain logic).
      const now = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    },
    cwd: callerCwd(),
  };
}
