import { generateNdjson } from '@criteria/gen-requests';
import { imrt } from '@criteria/policy-imrt';
import { describe, expect, it } from 'vitest';
import { lineBatches, numberedLines } from './lines.js';
import { runImpact } from './run.js';

const texts = [...generateNdjson({ count: 4000, seed: 5 })].join('').split('\n').slice(0, -1);
texts.splice(1234, 0, 'not json', '');
// A caller's line may hold any character: a request split over a newline is still one JSON text.
texts[10] = (texts[10] ?? '').replace(',', ',\n\r ');
const lines = () => texts.map((text, i) => ({ line: i + 1, text }));
const options = { from: '2016-11-01', to: '2023-01-10', examples: 3 };

describe('runImpact', () => {
  it('gives the same report with 2 worker threads as in this thread, whenever the worker starts', async () => {
    const one = await runImpact(imrt, lines(), options);
    // At once; after 1,000 lines (mid-run: batches of 300); and never (fewer lines than the default).
    for (const workersAfter of [0, 1000, undefined]) {
      const two = await runImpact(imrt, lines(), {
        ...options,
        workers: 2,
        batchSize: 300,
        ...(workersAfter === undefined ? {} : { workersAfter }),
      });
      expect(JSON.stringify(two), `workersAfter ${workersAfter}`).toBe(JSON.stringify(one));
    }
    expect(one.lines).toEqual({ total: 4002, blank: 1, invalid: 1, evaluated: 4000 });
    expect(one.routeChanged).toBeGreaterThan(0);
  }, 60_000);

  it('gives the same report from batches of lines, with 1 and 2 threads, as from lines one by one', async () => {
    const one = JSON.stringify(await runImpact(imrt, lines(), options));
    // The file as a stream of chunks (a line holding \n is then two lines, one of them invalid).
    const file = texts.map((t) => t.replaceAll('\n', ' ')).join('\n');
    const chunks = async function* () {
      for (let at = 0; at < file.length; at += 70_001) yield file.slice(at, at + 70_001);
    };
    const byLine = JSON.stringify(await runImpact(imrt, numberedLines(chunks()), options));
    expect(byLine).toBe(one);
    for (const workers of [1, 2]) {
      const batched = await runImpact(imrt, lineBatches(chunks(), { batchSize: 250 }), {
        ...options,
        workers,
        workersAfter: 0,
      });
      expect(JSON.stringify(batched)).toBe(one);
    }
  }, 60_000);

  it('reads an async stream of lines', async () => {
    async function* stream() {
      yield* lines();
    }
    const report = await runImpact(imrt, stream(), options);
    expect(report.lines.total).toBe(4002);
  });

  it('refuses a worker count that is not a whole number of at least 1', async () => {
    await expect(runImpact(imrt, [], { ...options, workers: 0 })).rejects.toThrow(RangeError);
  });
});
