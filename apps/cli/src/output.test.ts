import { execFileSync } from 'node:child_process';
import {
  closeSync,
  fstatSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from './output.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'criteria-out-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic (notice --out)', () => {
  it('writes a new file and replaces a regular one, keeping its mode, and returns the path', () => {
    expect(writeFileAtomic(dir, 'a.md', 'one')).toBe(join(dir, 'a.md'));
    writeFileSync(join(dir, 'b.md'), 'old', { mode: 0o640 });
    writeFileAtomic(dir, 'b.md', 'new');
    expect(readFileSync(join(dir, 'b.md'), 'utf8')).toBe('new');
    expect(statSync(join(dir, 'b.md')).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md']);
  });

  it('writes through a symbolic link to its target and leaves the link in place', () => {
    writeFileSync(join(dir, 'target.md'), 'old');
    symlinkSync('target.md', join(dir, 'link.md'));
    expect(writeFileAtomic(dir, 'link.md', 'new')).toBe(join(dir, 'target.md'));
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'target.md'), 'utf8')).toBe('new');
    // A dangling link: its target is created, the link stays.
    symlinkSync('later.md', join(dir, 'dangling.md'));
    writeFileAtomic(dir, 'dangling.md', 'x');
    expect(readlinkSync(join(dir, 'dangling.md'))).toBe('later.md');
    expect(readFileSync(join(dir, 'later.md'), 'utf8')).toBe('x');
  });

  it('writes through a FIFO instead of replacing it', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const { createReadStream } = await import('node:fs');
    const read = (async () => {
      let text = '';
      for await (const chunk of createReadStream(fifo, { encoding: 'utf8' })) text += chunk;
      return text;
    })();
    // The write blocks until the reader opens; the reader opens in the thread pool meanwhile.
    await new Promise((r) => setTimeout(r, 50));
    writeFileAtomic(dir, 'pipe', 'through the pipe');
    // A regression (the FIFO replaced by a file) would leave the reader waiting: fail, not hang.
    const late = new Promise((r) =>
      setTimeout(() => r('(nothing came through the pipe)'), 60_000).unref(),
    );
    expect(await Promise.race([read, late])).toBe('through the pipe');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  // A null device of our own (mknod needs root), so a regression cannot replace the real /dev/null.
  const device = (() => {
    try {
      const probe = mkdtempSync(join(tmpdir(), 'criteria-dev-'));
      execFileSync('mknod', [join(probe, 'null'), 'c', '1', '3'], { stdio: 'ignore' });
      rmSync(probe, { recursive: true });
      return true;
    } catch {
      return false;
    }
  })();
  it.runIf(device)(
    'writes through a character device (a null device) and never replaces it',
    () => {
      execFileSync('mknod', [join(dir, 'null'), 'c', '1', '3']);
      expect(writeFileAtomic(dir, 'null', 'discarded')).toBe(join(dir, 'null'));
      expect(lstatSync(join(dir, 'null')).isCharacterDevice()).toBe(true);
    },
  );

  it('writes through one of our own descriptors (/dev/stdout, /proc/self/fd/N), never renaming over its file', () => {
    const file = join(dir, 'held-open.md');
    const fd = openSync(file, 'w');
    try {
      expect(writeFileAtomic(dir, `/proc/self/fd/${fd}`, 'through the descriptor')).toBe(
        `/proc/self/fd/${fd}`,
      );
      expect(fstatSync(fd).ino).toBe(statSync(file).ino); // the file the descriptor holds is still the file
      expect(readFileSync(file, 'utf8')).toBe('through the descriptor');
    } finally {
      closeSync(fd);
    }
  });

  it('refuses a directory with one clear issue and leaves nothing behind', () => {
    mkdirSync(join(dir, 'sub'));
    expect(() => writeFileAtomic(dir, 'sub', 'x')).toThrow(
      '--out: `sub` is not a file that can be written (EISDIR: it is a directory)',
    );
    expect(() => writeFileAtomic(dir, 'missing/x.md', 'x')).toThrow(
      '--out: `missing/x.md` is not a file that can be written (ENOENT)',
    );
    expect(readdirSync(dir)).toEqual(['sub']);
  });
});
