/**
 * What every row of the bench shares: its options, the figure a timed row
 * gives, the request mix, and timing one task with tinybench.
 */
import { generateRequests } from '@criteria/gen-requests';
import { Bench, type Task } from 'tinybench';
import { BENCH_MIX } from './mix.js';

/** The options of a bench run, passed to every row's process. */
export interface BenchOptions {
  /** Milliseconds per timed task (tinybench `time`). */
  time: number;
  /** Requests in the mix (10,000 for the published figures). */
  mixCount: number;
  /** Requests in the impact file. */
  impactLines: number;
  /** Fresh processes per side for the start-up rows. */
  importRuns: number;
  /** The impact rows' NDJSON file, written once by the parent (else each impact row writes its own). */
  impactFile?: string;
}

/** One timed row, per request. */
export interface Figure {
  usPerRequest: number;
  perSecond: number;
  rmePercent: number;
  samples: number;
}

/**
 * What a row gives back: its figure (the shape depends on the row) and a
 * check, a value computed from the row's work (never from the clock), the
 * same whatever ran before it.
 */
export interface RowOutput<T = unknown> {
  figure: T;
  check: string | number;
}

/** A row: runs in a process of its own (see runner.ts). */
export type RowFn = (options: BenchOptions) => Promise<RowOutput>;

/** The seeded mix, `count` requests: the objects, and each as its NDJSON text. */
export function benchMix(count: number) {
  const requests = [...generateRequests({ ...BENCH_MIX, count })];
  const texts = requests.map((r) => JSON.stringify(r));
  const objects = texts.map((t) => JSON.parse(t) as unknown);
  return { requests, texts, objects };
}

/** Kept so the timed loops are not optimised away. */
export const sink = { value: 0 };

/**
 * Times `pass` (one pass over `per` requests) with tinybench and gives the
 * cost per request. `slow`: fewer samples, no warm-up time (json-rules-engine).
 */
export async function timePass(
  name: string,
  pass: () => void | Promise<void>,
  per: number,
  options: { time: number; slow?: boolean },
): Promise<Figure> {
  // Each task is a pass over many requests, so a few samples suffice: time governs,
  // not the default 64 iterations (and 16 warm-up runs).
  const bench = options.slow
    ? new Bench({ time: options.time, iterations: 3, warmupTime: 0, warmupIterations: 1 })
    : new Bench({
        time: options.time,
        iterations: 5,
        warmupTime: Math.min(options.time, 500),
        warmupIterations: 2,
      });
  bench.add(name, pass);
  await bench.run();
  return figure(bench.tasks[0], per);
}

function figure(task: Task | undefined, per: number): Figure {
  const r = task?.result;
  if (r === undefined || !('latency' in r)) throw new Error(`${task?.name}: no result`);
  const usPerRequest = (r.latency.mean * 1000) / per;
  return {
    usPerRequest,
    perSecond: 1e6 / usPerRequest,
    rmePercent: r.latency.rme,
    samples: r.latency.samplesCount,
  };
}
