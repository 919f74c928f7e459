import { closeSync, openSync, readSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';

/**
 * Bytes read at a time by {@link fileChunks} (64 KiB): each decoded chunk stays
 * below V8's large-object size (128 KiB), so it dies in the young generation's
 * cheap collections (1 MiB chunks cost impact about 5% more CPU).
 */
export const FILE_CHUNK_BYTES = 1 << 16;

/**
 * The text of a regular file as UTF-8 chunks, decoded exactly as
 * `createReadStream(path, { encoding: 'utf8' })` decodes them (the same
 * decoder: a character split between two reads is joined, an invalid byte
 * becomes U+FFFD), read from where the file's position stands.
 *
 * Each chunk is read on the calling thread (`readSync`), not handed to libuv's
 * thread pool and back: a read of a file in the page cache takes microseconds,
 * while the pool wakes a thread for each read and the calling thread when it
 * is done. On this project's 2-core VM that round trip cost more than the read
 * (impact over 1,000,000 requests: system time about halved; figures in
 * docs/performance.md). The event loop still turns after every chunk: timers,
 * signals and a worker's messages run between chunks.
 *
 * Only for regular files: a read from a pipe or a terminal may wait for its
 * writer, and would hold the event loop while it waits (use a stream).
 *
 * `file` is a path (opened and closed here) or an open handle (closed here when
 * the chunks end, are abandoned, or a read fails: it is ours once passed).
 *
 * @example
 * for await (const item of lineBatches(fileChunks('requests.ndjson'))) use(item);
 */
export async function* fileChunks(
  file: string | FileHandle,
  { chunkBytes = FILE_CHUNK_BYTES }: { chunkBytes?: number } = {},
): AsyncGenerator<string> {
  if (!Number.isInteger(chunkBytes) || chunkBytes < 1)
    throw new RangeError(`chunkBytes must be a whole number of at least 1, not ${chunkBytes}`);
  const handle = typeof file === 'string' ? null : file;
  const fd = handle === null ? openSync(file as string, 'r') : handle.fd;
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    const decoder = new StringDecoder('utf8');
    for (;;) {
      const n = readSync(fd, buffer, 0, chunkBytes, null);
      if (n === 0) break;
      // The decoder copies what it decodes: the buffer is free for the next read.
      const text = decoder.write(n === chunkBytes ? buffer : buffer.subarray(0, n));
      if (text.length > 0) yield text;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const rest = decoder.end();
    if (rest.length > 0) yield rest;
  } finally {
    if (handle === null) closeSync(fd);
    else await handle.close();
  }
}
