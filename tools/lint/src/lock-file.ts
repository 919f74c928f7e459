import { err, ok, type Result } from '@criteria/errors';
import { z } from 'zod';

/** The lock file's name, at the root of each policy package. */
export const LOCK_FILE = 'revisions.lock.json';

const COMMENT =
  'Content hashes of the published revisions. Written by `criteria lint --update-lock`, which adds new revisions and never rewrites an entry; lint fails when a published revision changes.';

/**
 * `policies/<policy>/revisions.lock.json`: the sha256 of every published
 * revision, by revision id.
 *
 * @example { "policy": "imrt", "revisions": { "2023-01-10": "3f1c…" } }
 */
const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 (hex)');

/**
 * A published revision whose recorded content was corrected, kept on the record:
 * the hash it had, the hash it has, when and why. A correction is a decision
 * taken in review, never written by `--update-lock`.
 */
export const LockCorrectionSchema = z
  .object({
    revision: z.string().min(1),
    was: Sha256Schema,
    now: Sha256Schema,
    on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'),
    reason: z.string().min(20),
  })
  .strict();
export type LockCorrection = z.infer<typeof LockCorrectionSchema>;

export const LockFileSchema = z
  .object({
    $comment: z.string().optional(),
    policy: z.string().min(1),
    revisions: z.record(z.string(), Sha256Schema),
    corrections: z.array(LockCorrectionSchema).optional(),
  })
  .strict();
export type LockFile = z.infer<typeof LockFileSchema>;

/**
 * Parses a lock file's text.
 *
 * @example parseLockFile('{"policy":"imrt","revisions":{}}') // => { ok: true, value: {...} }
 */
export function parseLockFile(text: string): Result<LockFile, string> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return err([`not JSON (${e instanceof Error ? e.message : String(e)})`]);
  }
  const parsed = LockFileSchema.safeParse(json);
  if (!parsed.success)
    return err(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message.toLowerCase()}`),
    );
  return ok(parsed.data);
}

/**
 * The lock file's text: entries sorted by revision id, one per line, so a new
 * revision is one added line in review.
 */
export function serializeLockFile(lock: LockFile): string {
  const revisions = Object.fromEntries(
    Object.entries(lock.revisions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const corrections = lock.corrections?.length ? { corrections: lock.corrections } : {};
  return `${JSON.stringify({ $comment: COMMENT, policy: lock.policy, revisions, ...corrections }, null, 2)}\n`;
}
