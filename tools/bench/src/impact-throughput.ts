import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateNdjson } from '@criteria/gen-requests';
import { numberedLines, runImpact } from '@criteria/impact';
import { imrt } from '@criteria/policy-imrt';

/** One pass over the file. */
export interface Pass {
  seconds: number;
  linesPerSecond: number;
}

/** Impact analysis against reading and parsing the same file, with 1 and 2 worker threads. */
export interface ImpactThroughput {
  lines: number;
  from: string;
  to: string;
  readParse: Pass;
  workers1: Pass;
  workers2: Pass;
  /** The two reports are byte-identical. */
  identical: boolean;
}

const read = (path: string) =>
  numberedLines(createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }));

async function timed<T>(lines: number, f: () => Promise<T>): Promise<[Pass, T]> {
  const t = performance.now();
  const value = await f();
  const seconds = (performance.now() - t) / 1000;
  return [{ seconds, linesPerSecond: lines / seconds }, value];
}

/**
 * Writes `lines` generated requests to a temporary file, then times: reading
 * and `JSON.parse` of every line (what any consumer pays), and
 * `criteria impact`'s engine with one and with two worker threads.
 */
export async function impactThroughput(lines: number, seed = 1): Promise<ImpactThroughput> {
  const path = join(tmpdir(), `criteria-bench-${process.pid}.ndjson`);
  const from = '2021-03-02';
  const to = '2023-01-10';
  try {
    const out = createWriteStream(path);
    for (const chunk of generateNdjson({ count: lines, seed }))
      if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await once(out, 'close');

    const [readParse] = await timed(lines, async () => {
      let n = 0;
      for await (const { text } of read(path)) if (JSON.parse(text) !== null) n += 1;
      return n;
    });
    const [workers1, one] = await timed(lines, () =>
      runImpact(imrt, read(path), { from, to, workers: 1 }),
    );
    const [workers2, two] = await timed(lines, () =>
      runImpact(imrt, read(path), { from, to, workers: 2 }),
    );
    return {
      lines,
      from,
      to,
      readParse,
      workers1,
      workers2,
      identical: JSON.stringify(one) === JSON.stringify(two),
    };
  } finally {
    await rm(path, { force: true });
  }
}
