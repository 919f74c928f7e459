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
export const LockFileSchema = z
  .object({
    $comment: z.string().optional(),
    policy: z.string().min(1),
    revisions: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 (hex)')),
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
  return `${JSON.stringify({ $comment: COMMENT, policy: lock.policy, revisions }, null, 2)}\n`;
}
