import { describe, expect, it } from 'vitest';
import type { BenchOptions } from './row.js';
import { runRows } from './runner.js';

// A small mix and short timings: this checks how rows are run, never how fast.
const options: BenchOptions = { time: 20, mixCount: 200, impactLines: 300, importRuns: 1 };
// The stringify row keeps every determination it makes; the others keep nothing.
const rows = ['json-parse', 'stringify', 'evaluate', 'impact-1', 'impact-2'];

describe('the bench runner', () => {
  it('runs every row in a fresh process of its own, and the rows agree whatever their order', async () => {
    const forward = await runRows(rows, options);
    const backward = await runRows([...rows].reverse(), options);
    for (const reports of [forward, backward]) {
      expect([...reports.keys()].sort()).toEqual([...rows].sort());
      const pids = [...reports.values()].map((r) => r.pid);
      // One process per row, none of them this one.
      expect(new Set(pids).size).toBe(rows.length);
      expect(pids).not.toContain(process.pid);
      // No process ran any row but its own (nothing kept by a row can reach another).
      for (const [id, r] of reports) expect(r.rowsInProcess).toEqual([id]);
    }
    // What each row computed (never its timing) is the same in both orders.
    for (const id of rows) expect(backward.get(id)?.check).toEqual(forward.get(id)?.check);
    for (const id of rows) expect(backward.get(id)?.figure).toBeTypeOf('object');
    // The impact report does not depend on the number of workers.
    expect(forward.get('impact-2')?.check).toBe(forward.get('impact-1')?.check);
    expect(forward.get('stringify')?.check).toBe(forward.get('evaluate')?.check);
  }, 300_000);

  it('refuses a row it does not know', async () => {
    await expect(runRows(['no-such-row'], options)).rejects.toThrow(/no-such-row/);
  }, 120_000);
});
