import { availableParallelism } from 'node:os';
import { imrt } from '@criteria/policy-imrt';
import { describe, expect, it } from 'vitest';
import { ImpactAccumulator } from './accumulator.js';
import { maxWorkers, runImpact } from './run.js';

const options = { from: '2021-03-02', to: '2023-01-10' };
const request = {
  policy: 'imrt',
  lineOfBusiness: 'medicare',
  dateOfService: '2021-09-01',
  procedureCodes: ['77385'],
  indication: 'lung-cancer',
  documentation: [],
};
const json = JSON.stringify(request);

describe('impact on hostile input (issue 11)', () => {
  it('counts a line holding a value nested 5,000 deep as invalid and goes on', () => {
    const acc = new ImpactAccumulator(imrt, options);
    const deep = `${'['.repeat(5000)}1${']'.repeat(5000)}`;
    acc.add(1, JSON.stringify({ ...request, procedureCodes: 'X' }).replace('"X"', deep));
    acc.add(2, json);
    const r = acc.report();
    expect(r.lines).toEqual({ total: 2, blank: 0, invalid: 1, evaluated: 1 });
    expect(r.invalid.lines[0]?.issues).toEqual([
      { path: 'procedureCodes.0', expected: 'a string' },
    ]);
  });

  it('accepts a byte-order mark before a line', () => {
    const acc = new ImpactAccumulator(imrt, options);
    acc.add(1, `\uFEFF${json}`);
    expect(acc.report().lines.evaluated).toBe(1);
  });

  it('lists at most 20 issues of a line and counts the rest', () => {
    const acc = new ImpactAccumulator(imrt, options);
    acc.add(1, JSON.stringify({ ...request, procedureCodes: Array(1000).fill('bad') }));
    const [line] = acc.report().invalid.lines;
    expect(line?.issues).toHaveLength(20);
    expect(line?.more).toBe(980);
  });

  it('counts a line the reader would not hold as a numbered invalid line, with or without workers', async () => {
    const lines = [
      { line: 1, text: json },
      { line: 2, text: '', tooLong: 52_428_800 },
      { line: 3, text: json },
    ];
    for (const workers of [1, 2]) {
      const r = await runImpact(imrt, lines, {
        ...options,
        workers,
        workersAfter: 0,
        maxLineLength: 1_000_000,
      });
      expect(r.lines).toEqual({ total: 3, blank: 0, invalid: 1, evaluated: 2 });
      expect(r.invalid.lines).toEqual([
        {
          line: 2,
          issues: [
            {
              path: '',
              expected: 'a request of at most 1,000,000 characters (this line has 52,428,800)',
            },
          ],
        },
      ]);
    }
  });

  it('starts at most as many workers as there are cores', async () => {
    expect(maxWorkers()).toBe(availableParallelism());
    // 1,000 asked: clamped, and the report is the usual one (this would start 1,000 threads before).
    const r = await runImpact(imrt, [{ line: 1, text: json }], {
      ...options,
      workers: 1000,
      workersAfter: 0,
    });
    expect(r.lines.evaluated).toBe(1);
  });
});
