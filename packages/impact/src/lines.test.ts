import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberedLines } from './lines.js';

async function* from(chunks: string[]) {
  yield* chunks;
}
const collect = async (chunks: string[]) => {
  const out: { line: number; text: string }[] = [];
  for await (const l of numberedLines(from(chunks))) out.push(l);
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
});
