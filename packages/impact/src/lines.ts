/**
 * Splits a stream of text chunks into lines, numbered from 1, without holding
 * more than one partial line in memory (so a file of any size streams flat).
 * A trailing `\r` is dropped; an empty last line is not yielded.
 */
export async function* numberedLines(
  chunks: AsyncIterable<string>,
): AsyncGenerator<{ line: number; text: string }> {
  let pending = '';
  let line = 0;
  for await (const chunk of chunks) {
    pending += chunk;
    let start = 0;
    for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n', start)) {
      line += 1;
      const text = pending.slice(start, nl);
      yield { line, text: text.endsWith('\r') ? text.slice(0, -1) : text };
      start = nl + 1;
    }
    pending = pending.slice(start);
  }
  if (pending.length > 0)
    yield { line: line + 1, text: pending.endsWith('\r') ? pending.slice(0, -1) : pending };
}
