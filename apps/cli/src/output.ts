import { randomUUID } from 'node:crypto';
import {
  chmodSync,
  lstatSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CriteriaError, formatIssue } from '@criteria/errors';

/**
 * The `--format` value, checked against the formats a command knows; an
 * unknown one is an `invalid_argument` error naming the choices.
 */
export function parseFormat<F extends string>(value: string, formats: readonly F[]): F {
  if ((formats as readonly string[]).includes(value)) return value as F;
  throw new CriteriaError('invalid_argument', [
    formatIssue('--format', value, `one of ${formats.map((f) => `\`${f}\``).join(', ')}`),
  ]);
}

const refuse = (file: string, reason: string) =>
  new CriteriaError('invalid_argument', [
    formatIssue('--out', file, `a file that can be written (${reason})`),
  ]);

/**
 * Writes `text` (or bytes) to `file` and returns the path written. A new path or a
 * regular file is written atomically: a temporary file beside it, then a
 * rename, so a reader never sees half a notice (the file keeps its mode). A
 * symbolic link is followed: its target is written, the link stays. A device
 * or FIFO (`/dev/stdout`, `/dev/null`, `<(...)`) is written through, never
 * replaced. A directory or socket is refused. On any error nothing is left
 * behind and the target is untouched.
 */
export function writeFileAtomic(cwd: string, file: string, text: string | Uint8Array): string {
  const given = resolve(cwd, file);
  let s: Stats | undefined;
  try {
    s = statSync(given); // follows links, also /dev/stdout's link to a pipe
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw refuse(file, String((e as NodeJS.ErrnoException).code));
  }
  if (s?.isDirectory()) throw refuse(file, 'EISDIR: it is a directory');
  if (s?.isSocket()) throw refuse(file, 'it is a socket');
  if (s !== undefined && (!s.isFile() || isProcessFd(given))) {
    // A device, a FIFO, or one of our own descriptors (/dev/stdout, /dev/fd/1): write
    // through it; renaming over it would replace it, or a file the shell still holds open.
    try {
      writeFileSync(given, text, { encoding: 'utf8', flag: 'w' });
    } catch (e) {
      throw refuse(file, e instanceof Error && 'code' in e ? String(e.code) : 'an error');
    }
    return given;
  }
  // A regular file (through any links: the target is replaced, the links stay), or a new
  // path (a dangling link keeps pointing where it did: its target is created).
  const target = s !== undefined ? realpathSync(given) : (danglingTarget(given) ?? given);
  const temp = join(dirname(target), `.${basename(target)}.${randomUUID()}.tmp`);
  try {
    writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
    if (s !== undefined) chmodSync(temp, s.mode & 0o7777);
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    const reason = e instanceof Error && 'code' in e ? String(e.code) : 'an error';
    throw refuse(file, reason);
  }
  return target;
}

/** Whether `path` names one of this process's descriptors (/dev/stdout, /dev/fd/N, /proc/self/fd/N). */
function isProcessFd(path: string): boolean {
  try {
    if (realpathSync(dirname(path)).startsWith('/proc/')) return true;
    return lstatSync(path).isSymbolicLink() && readlinkSync(path).startsWith('/proc/');
  } catch {
    return false;
  }
}

/** Where a dangling symbolic link points, or undefined when `path` is not one. */
function danglingTarget(path: string): string | undefined {
  try {
    return lstatSync(path).isSymbolicLink()
      ? resolve(dirname(path), readlinkSync(path))
      : undefined;
  } catch {
    return undefined;
  }
}
