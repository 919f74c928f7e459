/**
 * Rows: what a service pays per request. Each row runs in a fresh process
 * (runner.ts), so what one row keeps (the stringify row's determinations)
 * cannot change how V8 allocates in another.
 */
import { evaluate } from '@criteria/evaluator';
import { RequestSchema } from '@criteria/evaluator/schemas';
import { imrt } from '@criteria/policy-imrt';
import { benchMix, type RowFn, sink, timePass } from '../row.js';

/** Sum of reason counts over the mix: what evaluate decided, not how fast. */
const reasonsChecksum = (objects: readonly unknown[]) =>
  objects.reduce<number>((n, o) => n + evaluate(imrt, o).reasons.length, 0);

export const rows: Record<string, RowFn> = {
  'json-parse': async ({ time, mixCount }) => {
    const { texts } = benchMix(mixCount);
    const figure = await timePass(
      'JSON.parse',
      () => {
        for (const t of texts) sink.value += JSON.parse(t) === null ? 1 : 0;
      },
      texts.length,
      { time },
    );
    return { figure, check: texts.reduce((n, t) => n + t.length, 0) };
  },
  validation: async ({ time, mixCount }) => {
    const { objects } = benchMix(mixCount);
    const figure = await timePass(
      'RequestSchema.safeParse',
      () => {
        for (const o of objects) sink.value += RequestSchema.safeParse(o).success ? 1 : 0;
      },
      objects.length,
      { time },
    );
    return { figure, check: objects.filter((o) => RequestSchema.safeParse(o).success).length };
  },
  evaluate: async ({ time, mixCount }) => {
    const { objects } = benchMix(mixCount);
    const figure = await timePass(
      'evaluate',
      () => {
        for (const o of objects) sink.value += evaluate(imrt, o).reasons.length;
      },
      objects.length,
      { time },
    );
    return { figure, check: reasonsChecksum(objects) };
  },
  'parse-evaluate': async ({ time, mixCount }) => {
    const { texts, objects } = benchMix(mixCount);
    const figure = await timePass(
      'JSON.parse + evaluate',
      () => {
        for (const t of texts) sink.value += evaluate(imrt, JSON.parse(t)).reasons.length;
      },
      texts.length,
      { time },
    );
    return { figure, check: reasonsChecksum(objects) };
  },
  stringify: async ({ time, mixCount }) => {
    // This row keeps every determination: the reason it has a process of its own.
    const { objects } = benchMix(mixCount);
    const determinations = objects.map((o) => evaluate(imrt, o));
    const figure = await timePass(
      'JSON.stringify(determination)',
      () => {
        for (const d of determinations) sink.value += JSON.stringify(d).length;
      },
      determinations.length,
      { time },
    );
    return {
      figure,
      check: determinations.reduce((n, d) => n + d.reasons.length, 0),
    };
  },
};
