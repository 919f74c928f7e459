import { describe, expect, it } from 'vitest';
import type { BenchOptions } from './row.js';
import { runRounds, runRows } from './runner.js';

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

  it('runs rounds interleaved, each row once per round, each run in a process of its own', async () => {
    const order: string[] = [];
    const ids = ['iso-date', 'in-effect'];
    const runs = await runRounds(ids, 2, { ...options, time: 5 }, (id, k) =>
      order.push(`${id}#${k}`),
    );
    // Round 1 runs every row before round 2 starts: rows compared as a ratio share their minutes.
    expect(order).toEqual(['iso-date#1', 'in-effect#1', 'iso-date#2', 'in-effect#2']);
    expect([...runs.keys()]).toEqual(ids);
    const all = [...runs.values()].flat();
    expect(all).toHaveLength(4);
    expect(new Set(all.map((r) => r.pid)).size).toBe(4);
    for (const [id, rs] of runs) for (const r of rs) expect(r.rowsInProcess).toEqual([id]);
    // What a row computes does not depend on the round.
    for (const rs of runs.values()) expect(rs[1]?.check).toEqual(rs[0]?.check);
  }, 300_000);

  it('refuses a row it does not know', async () => {
    await expect(runRows(['no-such-row'], options)).rejects.toThrow(/no-such-row/);
  }, 120_000);
});
