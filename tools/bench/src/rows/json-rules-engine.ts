/**
 * Rows: json-rules-engine routing every fifth request of the mix, and on the
 * same subset the evaluator's outcome path (`evaluateOutcome`: validated, the
 * route and the outcome without a full determination: like with like, the
 * goal's comparison) and the full `evaluate` (each in its own process).
 */
import { evaluate, evaluateOutcome } from '@criteria/evaluator';
import { imrt } from '@criteria/policy-imrt';
import { benchMix, type RowFn, sink, timePass } from '../row.js';
import { routeWithRulesEngine, routingEngine } from '../rules-engine.js';

/** Every fifth request of the mix (2,000 of 10,000): json-rules-engine is slow. */
const subsetOf = (count: number) => {
  const { requests, objects } = benchMix(count);
  return {
    requests: requests.filter((_, i) => i % 5 === 0),
    objects: objects.filter((_, i) => i % 5 === 0),
  };
};

export const rows: Record<string, RowFn> = {
  'json-rules-engine': async ({ time, mixCount }) => {
    const { requests } = subsetOf(mixCount);
    const engine = routingEngine(imrt);
    const figure = await timePass(
      'json-rules-engine, route only',
      async () => {
        for (const r of requests)
          sink.value += (await routeWithRulesEngine(engine, imrt, r)).length;
      },
      requests.length,
      { time, slow: true },
    );
    const routes: string[] = [];
    for (const r of requests) routes.push(await routeWithRulesEngine(engine, imrt, r));
    return { figure, check: routes.join(',') };
  },
  'outcome-subset': async ({ time, mixCount }) => {
    const { objects } = subsetOf(mixCount);
    const figure = await timePass(
      'evaluateOutcome (the same subset)',
      () => {
        for (const o of objects) sink.value += evaluateOutcome(imrt, o).route.length;
      },
      objects.length,
      { time },
    );
    return { figure, check: objects.map((o) => evaluateOutcome(imrt, o).route).join(',') };
  },
  'evaluate-subset': async ({ time, mixCount }) => {
    const { objects } = subsetOf(mixCount);
    const figure = await timePass(
      'evaluate (the same subset)',
      () => {
        for (const o of objects) sink.value += evaluate(imrt, o).reasons.length;
      },
      objects.length,
      // Warmed up like every other evaluate row (json-rules-engine, being slow, is not).
      { time },
    );
    return { figure, check: objects.map((o) => evaluate(imrt, o).route).join(',') };
  },
};
