import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import { escapeControl } from '@criteria/errors';
import { FILE_CHUNK_BYTES, fileChunks, readAll } from '@criteria/impact';
import type { Io } from './io.js';
import { UsageError } from './io.js';

const STDIN_NAMES = new Set(['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0']);

/**
 * The text a command reads from a file, or from stdin when the path is `-`, as a
 * stream of chunks, with the file's size when known (for an ETA). Any readable
 * stream will do: a regular file, a FIFO, process substitution (`<(zcat x.gz)`),
 * `/dev/stdin`. A path that cannot be read (missing, a directory) is a usage
 * error naming the option and the path.
 */
export async function openInput(
  io: Io,
  option: string,
  path: string,
): Promise<{ chunks: AsyncIterable<string>; bytes: number | null }> {
  const file = resolve(io.cwd, path);
  // Our own standard input by name: read as `-` (opening it again fails when it is a socket).
  if (path === '-' || STDIN_NAMES.has(file)) return { chunks: io.stdin(), bytes: null };
  const shown = escapeControl(path);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    // Opened here, not by the stream, so a missing file is an error before anything is read.
    handle = await open(file, 'r');
  } catch (e) {
    throw new UsageError(
      `${option}: \`${shown}\` cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  const s = await handle.stat();
  if (s.isDirectory()) {
    await handle.close();
    throw new UsageError(`${option}: \`${shown}\` cannot be read (EISDIR: it is a directory)`);
  }
  return {
    // A regular file is read on this thread (no thread-pool round trip per chunk); anything
    // else (a FIFO, `<(zcat x.gz)`, a terminal) may wait for its writer, so it is streamed.
    // 64 KiB chunks either way: each decoded chunk stays below V8's large-object size (128 KiB),
    // so it is freed by the young generation's cheap collections.
    chunks: s.isFile()
      ? fileChunks(handle)
      : createReadStream('', { fd: handle, encoding: 'utf8', highWaterMark: FILE_CHUNK_BYTES }),
    bytes: s.isFile() ? s.size : null,
  };
}

/**
 * The whole text of a file or of stdin (`-`), without a byte-order mark. Past
 * `maxLength` characters it is a usage error (the input is not what was meant).
 */
export async function readInput(
  io: Io,
  option: string,
  path: string,
  maxLength = Number.POSITIVE_INFINITY,
): Promise<string> {
  const text = await readAll((await openInput(io, option, path)).chunks, { maxLength });
  if (text === null)
    throw new UsageError(
      `${option}: \`${escapeControl(path)}\` is longer than ${maxLength.toLocaleString('en-US')} characters`,
    );
  return text;
}
