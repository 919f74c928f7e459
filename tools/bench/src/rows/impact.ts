/**
 * Rows: `criteria impact`'s engine over an NDJSON file of generated requests
 * (1 and 2 worker threads), against reading and parsing the same file. Each
 * in a fresh process; the parent writes the file once (`impactFile`).
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateNdjson } from '@criteria/gen-requests';
import { fileChunks, lineBatches, lineOf, runImpact } from '@criteria/impact';
import { imrt } from '@criteria/policy-imrt';
import type { BenchOptions, RowFn } from '../row.js';

/** One pass over the file. */
export interface Pass {
  lines: number;
  seconds: number;
  linesPerSecond: number;
}

export const IMPACT_FROM = '2021-03-02';
export const IMPACT_TO = '2023-01-10';

/** Writes `lines` generated requests (seed 1) to `path`. */
export async function writeImpactFile(path: string, lines: number): Promise<void> {
  const out = createWriteStream(path);
  for (const chunk of generateNdjson({ count: lines, seed: 1 }))
    if (!out.write(chunk)) await once(out, 'drain');
  out.end();
  await once(out, 'close');
}

/** The file's lines as the CLI reads a regular file: 64 KiB chunks read on this thread (`fileChunks`), in batches, no object per line (`lineBatches`). */
const read = (path: string) => lineBatches(fileChunks(path));

/** Runs `f` over the options' impact file (or a file of its own, removed after). */
async function overFile<T>(options: BenchOptions, f: (path: string) => Promise<T>): Promise<T> {
  if (options.impactFile !== undefined) return f(options.impactFile);
  const path = join(tmpdir(), `criteria-bench-${process.pid}.ndjson`);
  try {
    await writeImpactFile(path, options.impactLines);
    return await f(path);
  } finally {
    await rm(path, { force: true });
  }
}

async function timed<T>(lines: number, f: () => Promise<T>): Promise<[Pass, T]> {
  const t = performance.now();
  const value = await f();
  const seconds = (performance.now() - t) / 1000;
  return [{ lines, seconds, linesPerSecond: lines / seconds }, value];
}

const impactWith =
  (workers: number): RowFn =>
  (options) =>
    overFile(options, async (path) => {
      const [figure, report] = await timed(options.impactLines, () =>
        runImpact(imrt, read(path), { from: IMPACT_FROM, to: IMPACT_TO, workers }),
      );
      if (report.lines.total !== options.impactLines)
        throw new Error(`impact read ${report.lines.total} lines, not ${options.impactLines}`);
      // The report's hash: the 1- and 2-worker rows must agree.
      return {
        figure,
        check: createHash('sha256').update(JSON.stringify(report)).digest('hex'),
      };
    });

export const rows: Record<string, RowFn> = {
  'impact-read-parse': (options) =>
    overFile(options, async (path) => {
      const [figure, n] = await timed(options.impactLines, async () => {
        let n = 0;
        // The same reader as the impact rows, so the ratio compares evaluating, not reading.
        for await (const batch of read(path))
          if ('bounds' in batch)
            for (let i = 0; i < batch.bounds.length / 2; i++)
              if (JSON.parse(lineOf(batch, i)) !== null) n += 1;
        return n;
      });
      return { figure, check: n };
    }),
  'impact-1': impactWith(1),
  'impact-2': impactWith(2),
};
