/**
 * The longest line a line reader keeps, in characters (1,000,000: a request is a
 * few hundred). A longer line is reported by number and length, never held.
 */
export const MAX_LINE_LENGTH = 1_000_000;

/** One line of a stream, numbered from 1; `tooLong` (its length) when it exceeded the cap and `text` is empty. */
export interface NumberedLine {
  line: number;
  text: string;
  tooLong?: number;
}

const BOM = '\uFEFF';

/**
 * Splits a stream of text chunks into lines, numbered from 1, in time linear in
 * the input and memory bounded by `maxLength` (so a file of any size, even one
 * enormous line, streams flat). Each chunk is scanned once; the partial line is
 * kept as a list of pieces and joined once, when its newline arrives. A
 * byte-order mark at the start is dropped; a trailing `\r` is dropped; an empty
 * last line is not yielded. A line longer than `maxLength` characters is
 * yielded as `{ line, text: '', tooLong: length }`.
 */
export async function* numberedLines(
  chunks: AsyncIterable<string>,
  { maxLength = MAX_LINE_LENGTH }: { maxLength?: number } = {},
): AsyncGenerator<NumberedLine> {
  let pieces: string[] = [];
  let length = 0;
  let line = 0;
  let first = true;
  const finish = (last: string): NumberedLine => {
    line += 1;
    const total = length + last.length;
    const dropCr = (last.length > 0 ? last : (pieces.at(-1) ?? '')).endsWith('\r');
    if (total - (dropCr ? 1 : 0) > maxLength) {
      pieces = [];
      length = 0;
      return { line, text: '', tooLong: total - (dropCr ? 1 : 0) };
    }
    let text = pieces.length === 0 ? last : pieces.join('') + last;
    pieces = [];
    length = 0;
    if (dropCr) text = text.slice(0, -1);
    return { line, text };
  };
  for await (let chunk of chunks) {
    if (first && chunk.length > 0) {
      first = false;
      if (chunk.startsWith(BOM)) chunk = chunk.slice(1);
    }
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      yield finish(chunk.slice(start, nl));
      start = nl + 1;
    }
    const rest = chunk.length - start;
    if (rest === 0) continue;
    // Past the cap only the length is kept (plus the last piece, for a trailing \r).
    if (length + rest > maxLength + 1) pieces = [chunk.slice(Math.max(start, chunk.length - 1))];
    else pieces.push(start === 0 ? chunk : chunk.slice(start));
    length += rest;
  }
  if (length > 0) yield finish('');
}

/**
 * Reads a whole stream into one string (for single JSON documents), without a
 * leading byte-order mark. Past `maxLength` characters it stops and returns null.
 */
export async function readAll(
  chunks: AsyncIterable<string>,
  { maxLength = Number.POSITIVE_INFINITY }: { maxLength?: number } = {},
): Promise<string | null> {
  const pieces: string[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    length += chunk.length;
    if (length > maxLength + 1) return null;
    pieces.push(chunk);
  }
  const text = pieces.join('');
  return text.startsWith(BOM) ? text.slice(1) : text;
}
