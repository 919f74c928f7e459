import { randomUUID } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * Writes `text` (or bytes) to `file` atomically: a temporary file beside it, then a
 * rename. On any error the temporary file is removed and `file` is untouched,
 * so a reader never sees half a notice.
 */
export function writeFileAtomic(cwd: string, file: string, text: string | Uint8Array): string {
  const target = resolve(cwd, file);
  const temp = join(dirname(target), `.${basename(target)}.${randomUUID()}.tmp`);
  try {
    writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { force: true });
    const reason = e instanceof Error && 'code' in e ? String(e.code) : 'an error';
    throw new CriteriaError('invalid_argument', [
      formatIssue('--out', file, `a file that can be written (${reason})`),
    ]);
  }
  return target;
}
