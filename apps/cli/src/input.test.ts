import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInput } from './input.js';
import type { Io } from './io.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'criteria-input-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const io = (): Io => ({
  stdout: () => {},
  stderr: () => {},
  stdin: async function* () {
    yield 'from stdin';
  },
  stderrIsTty: false,
  today: () => '2026-01-01',
  cwd: dir,
});
const text = async (chunks: AsyncIterable<string>) => {
  let s = '';
  for await (const c of chunks) s += c;
  return s;
};

describe('openInput', () => {
  it('reads a regular file (relative to the cwd) with its size, a character across reads whole', async () => {
    // 70,000 bytes: more than one 64 KiB read, with a two-byte character on the boundary.
    const body = `${'a'.repeat(65_535)}é${'b'.repeat(4_463)}`;
    await writeFile(join(dir, 'big.ndjson'), body);
    const input = await openInput(io(), '--requests', 'big.ndjson');
    expect(input.bytes).toBe(70_000);
    expect(await text(input.chunks)).toBe(body);
  });

  it('streams a FIFO (no size), which a read on this thread would block on', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    // The writer opens the FIFO when openInput opens it to read, and writes its second line
    // later, on this thread's event loop: a read that waited on this thread would never see it.
    const writer = createWriteStream(fifo);
    writer.write('x\n');
    setTimeout(() => writer.end('y\n'), 50);
    const input = await openInput(io(), '--requests', fifo);
    expect(input.bytes).toBeNull();
    expect(await text(input.chunks)).toBe('x\ny\n');
  });

  it('reads stdin for `-`, and names the option and path it cannot read', async () => {
    expect(await text((await openInput(io(), '--requests', '-')).chunks)).toBe('from stdin');
    await expect(openInput(io(), '--requests', 'missing')).rejects.toThrow(
      '--requests: `missing` cannot be read (ENOENT)',
    );
    await expect(openInput(io(), '--requests', '.')).rejects.toThrow('EISDIR');
  });
});
