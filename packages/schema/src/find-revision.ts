import {
  CriteriaError,
  err,
  type FieldIssue,
  formatIssue,
  ok,
  type Result,
} from '@criteria/errors';
import type { LoadedPolicy, LoadedRevision } from './define-policy.js';

/**
 * The revision of `policy` with this id, or a `CriteriaError` (`unknown_revision`)
 * naming `field` and listing the known revisions. The one place a revision is
 * looked up by id.
 *
 * @example findRevision(imrt, '2023-01-10').effectiveOn // => '2023-06-01'
 */
export function findRevision(
  policy: LoadedPolicy,
  id: unknown,
  field = 'revision',
): LoadedRevision {
  const found = safeFindRevision(policy, id, field);
  if (found.ok) return found.value;
  throw new CriteriaError('unknown_revision', found.issues);
}

/**
 * {@link findRevision} as a result, for callers that never throw: the revision,
 * or the issue naming `field` and the known revisions.
 *
 * @example safeFindRevision(imrt, 'nope', 'options.revision').ok // => false
 */
export function safeFindRevision(
  policy: LoadedPolicy,
  id: unknown,
  field = 'revision',
  options?: Parameters<typeof formatIssue>[3],
): Result<LoadedRevision, FieldIssue> {
  const revision = policy.revisions.find((r) => r.id === id);
  if (revision) return ok(revision);
  return err([
    formatIssue(
      field,
      id,
      `a revision of ${policy.id} (known: ${policy.revisions.map((r) => r.id).join(', ')})`,
      options,
    ),
  ]);
}
