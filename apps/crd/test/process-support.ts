import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mintDevToken } from '../src/index.js';

export const ROOT = resolve(import.meta.dirname, '../../..');

/** The root `pnpm serve` script's command, run as pnpm would (sh, from the root). */
export const serveCommand = (): string =>
  (
    JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts.serve as string;

export interface Running {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  /** Resolves once the service's stderr so far satisfies `done` (polled; the test's timeout catches a hang). */
  waitForStderr: (done: (stderr: string) => boolean) => Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `pnpm serve`'s command with the given environment and waits for its one line. */
export const startProcess = (env: Record<string, string>): Promise<Running> =>
  new Promise((resolvePromise, reject) => {
    const child = spawn('sh', ['-c', `exec ${serveCommand()}`], {
      cwd: ROOT,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
      child.on('exit', (code, signal) => r({ code, signal })),
    );
    child.stdout?.on('data', (d) => {
      out += String(d);
      const m = /^listening on (http:\/\/\S+)\n/.exec(out);
      if (m?.[1])
        resolvePromise({
          child,
          url: m[1],
          stdout: () => out,
          stderr: () => err,
          waitForStderr: async (done) => {
            while (!done(err)) await new Promise((r) => setTimeout(r, 10));
          },
          exited,
        });
    });
    child.stderr?.on('data', (d) => {
      err += String(d);
    });
    void exited.then(({ code }) =>
      reject(new Error(`service exited (${code}) before listening: ${err}`)),
    );
  });

/** A hook call or /v1 call with a fresh dev-issuer token. */
export const call = async (
  dataDir: string,
  base: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> => {
  const token = await mintDevToken(dataDir, { aud: `${base}${path}` });
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: await res.json() };
};

/** The assertion ids in a hook answer. */
export const assertionIds = (answer: unknown): string[] =>
  (
    (
      answer as {
        systemActions?: {
          resource: {
            extension?: { url: string; extension?: { url: string; valueString?: string }[] }[];
          };
        }[];
      }
    ).systemActions ?? []
  )
    .flatMap((a) => a.resource.extension ?? [])
    .flatMap((e) => e.extension ?? [])
    .filter((e) => e.url === 'coverage-assertion-id')
    .map((e) => e.valueString as string);
