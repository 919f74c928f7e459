import { evaluate, evaluateOutcome } from '@criteria/evaluator';
import { generateRequests } from '@criteria/gen-requests';
import { imrt } from '@criteria/policy-imrt';
import { describe, expect, it } from 'vitest';
import { BENCH_MIX } from './mix.js';
import { routeWithRulesEngine, routingEngine } from './rules-engine.js';

describe('json-rules-engine routing (the benchmark comparison)', () => {
  it('gives the evaluator’s route (determination and outcome path) for every request of the benchmark mix', async () => {
    const engine = routingEngine(imrt);
    const disagreements: { line: number; ours: string; theirs: string }[] = [];
    let line = 0;
    for (const request of generateRequests(BENCH_MIX)) {
      line += 1;
      const ours = evaluate(imrt, request).route;
      const theirs = await routeWithRulesEngine(engine, imrt, request);
      if (ours !== theirs) disagreements.push({ line, ours, theirs });
      // The outcome path (the row the goal compares with) routes the same.
      const outcome = evaluateOutcome(imrt, request).route;
      if (outcome !== theirs) disagreements.push({ line, ours: outcome, theirs });
    }
    expect(line).toBe(10_000);
    expect(disagreements.slice(0, 5)).toEqual([]);
  });
});
