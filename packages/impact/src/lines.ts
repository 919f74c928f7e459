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
 * Consecutive lines of a stream, the first numbered `first`: held in one
 * string (`text`) with where each starts and ends in it (`bounds`: a start and
 * an exclusive end per line, so line `first + i` is
 * `text.slice(bounds[2 * i], bounds[2 * i + 1])`). What lies between the lines
 * (their newlines, a dropped `\r`) may stay in `text`.
 */
export interface LineBatch {
  first: number;
  text: string;
  bounds: Uint32Array<ArrayBuffer>;
}

/**
 * Lines per batch of {@link lineBatches} (250 requests: about 90,000 characters).
 * A batch's text, like a chunk of input, should stay below V8's large-object
 * size (128 KiB): a smaller string lives and dies in the young generation, while
 * each larger one is a large object that only a full mark-compact frees (1,000
 * lines a batch and 1 MiB chunks cost a fifth more CPU over 100,000 requests).
 */
export const DEFAULT_BATCH_LINES = 250;
/** Characters per batch of {@link lineBatches} at most, but for a batch of one line (see {@link DEFAULT_BATCH_LINES}). */
export const DEFAULT_BATCH_CHARS = 96 * 1024;

/** Whether an item of {@link lineBatches} is a batch (else a line reported `tooLong`). */
export const isBatch = (item: NumberedLine | LineBatch): item is LineBatch => 'bounds' in item;

/**
 * Line `i` (0-based) of a batch.
 *
 * @example
 * for (let i = 0; i < batch.bounds.length / 2; i++) use(batch.first + i, lineOf(batch, i));
 */
export const lineOf = (batch: LineBatch, i: number): string =>
  batch.text.slice(batch.bounds[2 * i], batch.bounds[2 * i + 1]);

/**
 * The lines of {@link numberedLines}, exactly (the same numbers, texts, byte-order
 * mark, `\r` and `tooLong` rules), in batches of at most `batchSize` lines, a
 * batch ending at the line that brings its text to `batchChars` characters:
 * each chunk is cut into lines by `indexOf` alone, and the lines of a batch are
 * kept as slices of their chunks, joined once per batch, with no string, object
 * or promise per line. A line longer than `maxLength` characters ends the batch
 * before it and is yielded on its own as `{ line, text: '', tooLong }`.
 */
export async function* lineBatches(
  chunks: AsyncIterable<string>,
  {
    maxLength = MAX_LINE_LENGTH,
    batchSize = DEFAULT_BATCH_LINES,
    batchChars = DEFAULT_BATCH_CHARS,
  }: { maxLength?: number; batchSize?: number; batchChars?: number } = {},
): AsyncGenerator<LineBatch | NumberedLine> {
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be a whole number of at least 1, not ${batchSize}`);
  if (!(batchChars >= 1))
    throw new RangeError(`batchChars must be a number of at least 1, not ${batchChars}`);
  // The line that runs past the end of the chunks seen so far, as numberedLines keeps it.
  let pieces: string[] = [];
  let length = 0;
  let line = 0;
  let first = true;
  // The batch being built: its parts (slices of chunks, joined when it is yielded), their
  // length so far, and the bounds of its lines.
  let parts: string[] = [];
  let offset = 0;
  let bounds = new Uint32Array(2 * batchSize);
  let count = 0;
  let batchFirst = 1;
  const take = (): LineBatch => {
    const batch = {
      first: batchFirst,
      text: parts.length === 1 ? (parts[0] as string) : parts.join(''),
      bounds: count === batchSize ? bounds : bounds.slice(0, 2 * count),
    };
    parts = [];
    offset = 0;
    bounds = new Uint32Array(2 * batchSize);
    count = 0;
    return batch;
  };
  /** Ends the pending line with `last` (as numberedLines' `finish`): a too-long line, or its text added to the batch. */
  const finish = (last: string): NumberedLine | null => {
    line += 1;
    const total = length + last.length;
    const dropCr = (last.length > 0 ? last : (pieces.at(-1) ?? '')).endsWith('\r');
    const size = total - (dropCr ? 1 : 0);
    if (size > maxLength) {
      pieces = [];
      length = 0;
      return { line, text: '', tooLong: size };
    }
    const text = pieces.length === 0 ? last : pieces.join('') + last;
    pieces = [];
    length = 0;
    parts.push(text);
    if (count === 0) batchFirst = line;
    bounds[2 * count] = offset;
    bounds[2 * count + 1] = offset + size;
    count += 1;
    offset += text.length;
    return null;
  };
  for await (let chunk of chunks) {
    if (first && chunk.length > 0) {
      first = false;
      if (chunk.startsWith(BOM)) chunk = chunk.slice(1);
    }
    let start = 0;
    let nl = chunk.indexOf('\n');
    if (nl !== -1 && length > 0) {
      // The pending line ends in this chunk.
      const long = finish(chunk.slice(0, nl));
      if (long !== null) {
        if (count > 0) yield take();
        yield long;
      } else if (count === batchSize || offset >= batchChars) yield take();
      start = nl + 1;
      nl = chunk.indexOf('\n', start);
    }
    // The lines wholly inside this chunk: bounds only, the chunk sliced once per batch.
    let from = start;
    for (; nl !== -1; nl = chunk.indexOf('\n', start)) {
      const end = nl > start && chunk.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      line += 1;
      if (end - start > maxLength) {
        if (start > from) {
          parts.push(chunk.slice(from, start));
          offset += start - from;
        }
        if (count > 0) yield take();
        yield { line, text: '', tooLong: end - start };
        start = nl + 1;
        from = start;
        continue;
      }
      if (count === 0) batchFirst = line;
      bounds[2 * count] = offset + start - from;
      bounds[2 * count + 1] = offset + end - from;
      count += 1;
      start = nl + 1;
      if (count === batchSize || offset + start - from >= batchChars) {
        parts.push(chunk.slice(from, start));
        offset += start - from;
        from = start;
        yield take();
      }
    }
    if (start > from) {
      parts.push(chunk.slice(from, start));
      offset += start - from;
    }
    const rest = chunk.length - start;
    if (rest === 0) continue;
    // Past the cap only the length is kept (plus the last piece, for a trailing \r).
    if (length + rest > maxLength + 1) pieces = [chunk.slice(Math.max(start, chunk.length - 1))];
    else pieces.push(start === 0 ? chunk : chunk.slice(start));
    length += rest;
  }
  if (length > 0) {
    const long = finish('');
    if (long !== null) {
      if (count > 0) yield take();
      yield long;
    }
  }
  if (count > 0) yield take();
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
