import { CriteriaError } from '@criteria/errors';
import { generateNdjson } from '@criteria/gen-requests';
import { imrt } from '@criteria/policy-imrt';
import { describe, expect, it } from 'vitest';
import { ImpactAccumulator } from './accumulator.js';
import { ImpactReportSchema } from './report.js';

const options = { from: '2021-03-02', to: '2023-01-10', examples: 2, maxInvalid: 5 };
const texts = [...generateNdjson({ count: 1500, seed: 11 })].join('').split('\n').slice(0, -1);
// Some lines that are not requests, among the others.
for (const at of [10, 500, 501, 1200, 1499, 1500, 1501]) texts.splice(at, 0, at % 2 ? '{' : '');
texts.splice(40, 0, '{"policy":"imrt","member":{"name":"Jane Q. Member"}}');

const sequential = () => {
  const acc = new ImpactAccumulator(imrt, options);
  for (const [i, t] of texts.entries()) acc.add(i + 1, t);
  return acc.report();
};

describe('ImpactAccumulator', () => {
  const report = sequential();

  it('produces a report of the documented shape, with consistent totals', () => {
    expect(ImpactReportSchema.parse(report)).toEqual(report);
    const { total, blank, invalid, evaluated } = report.lines;
    expect(total).toBe(texts.length);
    expect(blank + invalid + evaluated).toBe(total);
    expect(report.matrix.counts.flat().reduce((a, b) => a + b, 0)).toBe(evaluated);
    const diagonal = report.matrix.counts.reduce((a, row, i) => a + (row[i] ?? 0), 0);
    expect(report.routeChanged).toBe(evaluated - diagonal);
    expect(report.changes.length).toBeGreaterThan(0);
  });

  it('keeps the first examples in line order, without member identifiers', () => {
    for (const change of report.changes) {
      expect(change.examples.length).toBe(Math.min(2, change.count));
      const lines = change.examples.map((e) => e.line);
      expect(lines).toEqual([...lines].sort((a, b) => a - b));
      for (const e of change.examples) {
        expect(e.request).not.toHaveProperty('member');
        expect(e.request).not.toHaveProperty('requestId');
        expect(e.request).toEqual(
          Object.fromEntries(
            Object.entries(JSON.parse(texts[e.line - 1] ?? '')).filter(
              ([k]) => k !== 'member' && k !== 'requestId',
            ),
          ),
        );
      }
    }
  });

  it('counts every invalid line, lists the first by number, and never echoes a value', () => {
    const expected = texts.flatMap((t, i) => (t === '{' || t.includes('Jane') ? [i + 1] : []));
    expect(expected).toHaveLength(4);
    expect(report.lines.invalid).toBe(4);
    expect(report.lines.blank).toBe(4);
    expect(report.invalid.lines.map((l) => l.line)).toEqual(expected);
    expect(report.invalid.truncated).toBe(false);
    expect(JSON.stringify(report)).not.toContain('Jane');
    const capped = new ImpactAccumulator(imrt, { ...options, maxInvalid: 2 });
    for (const [i, t] of texts.entries()) capped.add(i + 1, t);
    expect(capped.report().invalid).toMatchObject({ truncated: true });
    expect(capped.report().invalid.lines.map((l) => l.line)).toEqual(expected.slice(0, 2));
  });

  it('gives the same report whatever the split and the order of merging', () => {
    for (const size of [1, 97, 700]) {
      const parts: ImpactAccumulator[] = [];
      for (let start = 0; start < texts.length; start += size) {
        const part = new ImpactAccumulator(imrt, options);
        for (const [k, t] of texts.slice(start, start + size).entries()) part.add(start + k + 1, t);
        parts.push(part);
      }
      const merged = new ImpactAccumulator(imrt, options);
      for (const part of parts.reverse()) merged.merge(part.partial());
      expect(merged.report()).toEqual(report);
    }
  }, 60_000);

  it('gives the same report when lines are added after a merge (tallies first seen merged in)', () => {
    const mid = Math.floor(texts.length / 2);
    const other = new ImpactAccumulator(imrt, options);
    for (let i = 0; i < mid; i++) other.add(i + 1, texts[i] ?? '');
    const acc = new ImpactAccumulator(imrt, options);
    acc.merge(other.partial());
    for (let i = mid; i < texts.length; i++) acc.add(i + 1, texts[i] ?? '');
    expect(acc.report()).toEqual(report);
    // And the other way round: lines first, then a partial whose tallies this one already holds.
    const late = new ImpactAccumulator(imrt, options);
    for (let i = mid; i < texts.length; i++) late.add(i + 1, texts[i] ?? '');
    late.merge(other.partial());
    expect(late.report()).toEqual(report);
  });

  it('refuses an unknown revision with a stable error code', () => {
    expect(() => new ImpactAccumulator(imrt, { ...options, to: '2024-01-01' })).toThrow(
      CriteriaError,
    );
    try {
      new ImpactAccumulator(imrt, { ...options, to: '2024-01-01' });
    } catch (e) {
      expect((e as CriteriaError).code).toBe('unknown_revision');
      expect((e as CriteriaError).issues[0]?.path).toBe('to');
    }
  });
});
