import { evaluate } from '@criteria/evaluator';
import { generateRequests } from '@criteria/gen-requests';
import { imrt } from '@criteria/policy-imrt';
import { describe, expect, it } from 'vitest';
import { BENCH_MIX } from './mix.js';

describe('the benchmark mix', () => {
  it('spreads over every route, both lines of business and every revision that governs a date', () => {
    const routes = new Set<string>();
    const lines = new Set<string>();
    const revisions = new Set<string>();
    for (const r of generateRequests(BENCH_MIX)) {
      const d = evaluate(imrt, r);
      routes.add(d.route);
      lines.add(d.lineOfBusiness);
      revisions.add(d.revision?.id ?? 'none');
    }
    expect(routes.size).toBe(4);
    expect(lines.size).toBe(2);
    // 2015-07-07 governs only as known before 2015-09-08 was approved, which the mix may not hit.
    for (const r of imrt.revisions.slice(1)) expect(revisions).toContain(r.id);
    expect(revisions).toContain('none');
  }, 60_000);
});
