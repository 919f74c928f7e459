import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberedLines, readAll } from './lines.js';

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
