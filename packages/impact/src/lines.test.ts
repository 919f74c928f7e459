import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type LineBatch,
  lineBatches,
  lineOf,
  type NumberedLine,
  numberedLines,
  readAll,
} from './lines.js';

async function* from(chunks: string[]) {
  yield* chunks;
}
const collect = async (chunks: string[], maxLength?: number) => {
  const out: { line: number; text: string; tooLong?: number }[] = [];
  for await (const l of numberedLines(from(chunks), { maxLength })) out.push(l);
  return out;
};

describe('numberedLines', () => {
  it('numbers lines across chunk boundaries and drops CR', async () => {
    expect(await collect(['a\r\nb', 'c\n\nd'])).toEqual([
      { line: 1, text: 'a' },
      { line: 2, text: 'bc' },
      { line: 3, text: '' },
      { line: 4, text: 'd' },
    ]);
  });
  it('gives the same lines however the text is chunked (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', '\n') })),
        async (parts) => {
          const text = parts.join('');
          const expected = text.split('\n');
          if (expected.at(-1) === '') expected.pop();
          expect((await collect(parts)).map((l) => l.text)).toEqual(expected);
        },
      ),
    );
  });

  it('reports a line longer than the cap by number and length, without holding it', async () => {
    expect(await collect(['ab\nabcd', 'ef\r\nabc\r', '\nabcdefg'], 4)).toEqual([
      { line: 1, text: 'ab' },
      { line: 2, text: '', tooLong: 6 },
      { line: 3, text: 'abc' },
      { line: 4, text: '', tooLong: 7 },
    ]);
    // One 5,000,000-character line in 64 KiB chunks: one short entry, the next line intact.
    const chunk = 'x'.repeat(1 << 16);
    const chunks = Array.from({ length: 77 }, () => chunk);
    expect(await collect([...chunks, '\n{"a":1}\n'])).toEqual([
      { line: 1, text: '', tooLong: 77 * (1 << 16) },
      { line: 2, text: '{"a":1}' },
    ]);
  });
  it('drops a byte-order mark at the start of the stream, and only there', async () => {
    expect(await collect(['\uFEFF{"a":1}\n\uFEFFx'])).toEqual([
      { line: 1, text: '{"a":1}' },
      { line: 2, text: '\uFEFFx' },
    ]);
    expect(await collect(['', '\uFEFFa'])).toEqual([{ line: 1, text: 'a' }]);
    expect(await readAll(from(['\uFEFF{}']))).toBe('{}');
  });
  it('readAll stops past its cap', async () => {
    expect(await readAll(from(['abc', 'def']), { maxLength: 4 })).toBeNull();
    expect(await readAll(from(['abc', 'd']), { maxLength: 4 })).toBe('abcd');
  });
  it('gives the same lines with a small cap as without, for lines within it (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: fc.constantFrom('a', '\r', '\n') })),
        async (parts) => {
          const all = await collect(parts);
          const capped = await collect(parts, 3);
          expect(capped).toEqual(
            all.map((l) =>
              l.text.length > 3 ? { line: l.line, text: '', tooLong: l.text.length } : l,
            ),
          );
        },
      ),
    );
  });
});

const runs = { numRuns: Number(process.env.FC_NUM_RUNS ?? 100) };

/** The items of lineBatches, each batch checked and expanded into its lines. */
const batched = async (
  chunks: string[],
  maxLength?: number,
  batchSize?: number,
  batchChars?: number,
) => {
  const out: NumberedLine[] = [];
  for await (const item of lineBatches(from(chunks), { maxLength, batchSize, batchChars })) {
    if ('bounds' in item) {
      const batch: LineBatch = item;
      const n = batch.bounds.length / 2;
      expect(Number.isInteger(n) && n >= 1 && n <= (batchSize ?? 250)).toBe(true);
      // Only the last line may take a batch's text to its character budget.
      expect(batch.bounds[2 * n - 2] ?? 0).toBeLessThan(batchChars ?? 96 * 1024);
      for (let i = 0; i < n; i++) out.push({ line: batch.first + i, text: lineOf(batch, i) });
    } else out.push(item);
  }
  return out;
};

describe('lineBatches', () => {
  it('gives the lines of numberedLines in batches', async () => {
    const items = [];
    for await (const item of lineBatches(from(['\uFEFFa\r\nb', 'c\n\nd']), { batchSize: 2 }))
      items.push(
        'bounds' in item ? { first: item.first, text: item.text, bounds: [...item.bounds] } : item,
      );
    expect(items).toEqual([
      { first: 1, text: 'a\r\nbc', bounds: [0, 1, 3, 5] },
      { first: 3, text: '\nd', bounds: [0, 0, 1, 2] },
    ]);
  });

  it('yields a line past the cap on its own, between batches', async () => {
    const items = [];
    for await (const item of lineBatches(from(['ab\nabcdef\nc', 'd\n']), { maxLength: 4 }))
      items.push('bounds' in item ? { first: item.first, lines: item.bounds.length / 2 } : item);
    expect(items).toEqual([
      { first: 1, lines: 1 },
      { line: 2, text: '', tooLong: 6 },
      { first: 3, lines: 1 },
    ]);
  });

  it('refuses a batch size that is not a whole number of at least 1', async () => {
    await expect(batched(['a'], undefined, 0)).rejects.toThrow(RangeError);
    await expect(batched(['a'], undefined, 1, 0)).rejects.toThrow(RangeError);
  });

  it('gives exactly the lines of numberedLines for any text, chunking, cap and batch size (property)', async () => {
    const unit = fc.constantFrom('a', 'b', '\r', '\n', '\uFEFF', 'é');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.string({ unit }), fc.string()), { maxLength: 12 }),
        fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
        async (parts, maxLength, batchSize, batchChars) => {
          expect(await batched(parts, maxLength, batchSize, batchChars)).toEqual(
            await collect(parts, maxLength),
          );
        },
      ),
      runs,
    );
  });

  it('gives the lines of numberedLines for a real request file in any chunking (property)', async () => {
    const text = `\uFEFF${'{"a":1}\r\n'.repeat(50)}${'x'.repeat(40)}\n{"b":[2]}`;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: text.length }), { maxLength: 8 }), async (cuts) => {
        const at = [0, ...[...cuts].sort((a, b) => a - b), text.length];
        const chunks = at.slice(1).map((end, k) => text.slice(at[k], end));
        expect(await batched(chunks, 30, 7, 50)).toEqual(await collect([text], 30));
      }),
      runs,
    );
  });
});
