/**
 * vitest globalSetup of the coverage service: one empty PGlite database per run, that the
 * tests' stores start from (`pgliteDir` in support.ts copies it).
 *
 * Creating a PGlite database in an empty folder runs initdb in WebAssembly: about 12
 * CPU-seconds and 19 s on this 2-core machine, where opening a copy of an existing one
 * takes about 1.6 CPU-seconds. Every test file opened two or three new ones. The copy is
 * the database initdb makes, before the service has created anything in it: each store
 * still creates its tables and writes its files as in production. The process tests keep
 * one start in a truly empty folder.
 *
 * The template is made by a child process, started here and not awaited, so the run is
 * not held up: the main process stays free and the first tests (the viewer's) run
 * meanwhile. It writes into `building/` and renames it to `template/` once closed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder of this run's PGlite template: `template/` (ready), `failed` (its error). */
    pgliteRun: string;
  }
}

const MAKE = `
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
const run = process.argv[1];
try {
  const db = await PGlite.create(join(run, 'building'));
  await db.query('select 1');
  await db.close();
  renameSync(join(run, 'building'), join(run, 'template'));
} catch (e) {
  writeFileSync(join(run, 'failed'), String(e?.stack ?? e));
}
`;

export default function setup(project: TestProject): () => void {
  const run = mkdtempSync(join(tmpdir(), 'crd-pglite-'));
  const child: ChildProcess = spawn(process.execPath, ['--input-type=module', '-e', MAKE, run], {
    cwd: join(import.meta.dirname, '..'),
    stdio: 'ignore',
  });
  project.provide('pgliteRun', run);
  return () => {
    child.kill();
    rmSync(run, { recursive: true, force: true });
  };
}
