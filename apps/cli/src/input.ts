import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Io } from './io.js';
import { UsageError } from './io.js';

/**
 * The text a command reads from a file, or from stdin when the path is `-`, as a
 * stream of chunks, with the file's size when known (for an ETA). A file that
 * cannot be read is a usage error naming the option and the path.
 */
export async function openInput(
  io: Io,
  option: string,
  path: string,
): Promise<{ chunks: AsyncIterable<string>; bytes: number | null }> {
  if (path === '-') return { chunks: io.stdin(), bytes: null };
  const file = resolve(io.cwd, path);
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new Error('not a file');
    return {
      chunks: createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }),
      bytes: s.size,
    };
  } catch (e) {
    throw new UsageError(
      `${option}: \`${path}\` cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
}

/** The whole text of a file or of stdin (`-`). */
export async function readInput(io: Io, option: string, path: string): Promise<string> {
  return readAll((await openInput(io, option, path)).chunks);
}

async function readAll(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}
