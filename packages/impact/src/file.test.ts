import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileChunks } from './file.js';
import { lineBatches, lineOf } from './lines.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'criteria-file-chunks-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let files = 0;
const fileOf = async (bytes: Uint8Array | string): Promise<string> => {
  const path = join(dir, `f${files++}`);
  await writeFile(path, bytes);
  return path;
};
const all = async (chunks: AsyncIterable<string | Buffer>): Promise<string[]> => {
  const out: string[] = [];
  for await (const c of chunks) out.push(String(c));
  return out;
};
/** What Node's own file stream decodes, in chunks of the same size. */
const streamed = (path: string, size: number) =>
  all(createReadStream(path, { encoding: 'utf8', highWaterMark: size }));

describe('fileChunks', () => {
  it('decodes a character split between two reads once, whole', async () => {
    // 'é' is two bytes and '😀' four: 3-byte reads split both.
    const path = await fileOf('aé😀b\n');
    const chunks = await all(fileChunks(path, { chunkBytes: 3 }));
    expect(chunks.join('')).toBe('aé😀b\n');
    expect(chunks.length).toBeGreaterThan(1);
  });

  it('gives the text of createReadStream with utf8, for any bytes and read size (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 200 }),
          fc.string({ unit: 'binary', maxLength: 80 }).map((s) => new TextEncoder().encode(s)),
        ),
        fc.integer({ min: 1, max: 40 }),
        async (bytes, size) => {
          const path = await fileOf(bytes);
          const ours = await all(fileChunks(path, { chunkBytes: size }));
          expect(ours.join('')).toBe((await streamed(path, size)).join(''));
          expect(ours.every((c) => c.length > 0)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives lineBatches the same batches as the stream does', async () => {
    const text = Array.from(
      { length: 600 },
      (_, i) => `{"n":${i},"s":"ü${'x'.repeat(i % 97)}"}`,
    ).join('\r\n');
    const path = await fileOf(`\uFEFF${text}\n`);
    const lines = async (chunks: AsyncIterable<string>) => {
      const out: string[] = [];
      for await (const item of lineBatches(chunks, { batchSize: 64 }))
        if ('bounds' in item)
          for (let i = 0; i < item.bounds.length / 2; i++)
            out.push(`${item.first + i}:${lineOf(item, i)}`);
      return out;
    };
    const ours = await lines(fileChunks(path, { chunkBytes: 1000 }));
    expect(ours).toHaveLength(600);
    expect(ours).toEqual(
      await lines(createReadStream(path, { encoding: 'utf8', highWaterMark: 1000 })),
    );
  });

  it('gives nothing for an empty file', async () => {
    expect(await all(fileChunks(await fileOf('')))).toEqual([]);
  });

  it('lets the event loop turn between reads', async () => {
    const path = await fileOf('x'.repeat(10_000));
    let turned = false;
    setImmediate(() => {
      turned = true;
    });
    const seen: boolean[] = [];
    for await (const _ of fileChunks(path, { chunkBytes: 1000 })) seen.push(turned);
    expect(seen).toHaveLength(10);
    expect(seen[0]).toBe(false);
    expect(seen.at(-1)).toBe(true);
  });

  it('reads an open handle from its position and closes it, also when abandoned', async () => {
    const path = await fileOf('abcdef');
    const whole = await open(path, 'r');
    expect((await all(fileChunks(whole, { chunkBytes: 4 }))).join('')).toBe('abcdef');
    expect(whole.fd).toBe(-1);

    const moved = await open(path, 'r');
    await moved.read(Buffer.alloc(2), 0, 2, null);
    expect((await all(fileChunks(moved))).join('')).toBe('cdef');

    const abandoned = await open(path, 'r');
    for await (const _ of fileChunks(abandoned, { chunkBytes: 1 })) break;
    expect(abandoned.fd).toBe(-1);
  });

  it('refuses a read size that is not a whole number of at least 1, and a missing file', async () => {
    for (const chunkBytes of [0, -1, 1.5, Number.NaN])
      await expect(all(fileChunks('x', { chunkBytes }))).rejects.toThrow(
        `chunkBytes must be a whole number of at least 1, not ${chunkBytes}`,
      );
    await expect(all(fileChunks(join(dir, 'missing')))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
