/**
 * The process of one row: `node child.js <row> <options JSON>`. Runs the row
 * and prints one line of JSON (a {@link ChildReport}) on stdout.
 */

import type { BenchOptions } from './row.js';
import { sink } from './row.js';
import { loadRow } from './rows/index.js';

/** What a row's process reports. */
export interface ChildReport<T = unknown> {
  row: string;
  pid: number;
  /** Every row this process has run, this one last: only this one, when rows are isolated. */
  rowsInProcess: string[];
  figure: T;
  check: string | number;
  sink: number;
}

/** The rows run in this process (module state: one per process). */
const ran: string[] = [];

/** Runs row `id` in this process and reports it. */
export async function runHere(id: string, options: BenchOptions): Promise<ChildReport> {
  const row = await loadRow(id);
  ran.push(id);
  const { figure, check } = await row(options);
  return { row: id, pid: process.pid, rowsInProcess: [...ran], figure, check, sink: sink.value };
}

const [id, json] = process.argv.slice(2);
if (id !== undefined && json !== undefined && process.env.CRITERIA_BENCH_CHILD === '1') {
  const report = await runHere(id, JSON.parse(json) as BenchOptions);
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
