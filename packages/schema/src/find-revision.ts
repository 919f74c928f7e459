import { CriteriaError, formatIssue } from '@criteria/errors';
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
  const revision = policy.revisions.find((r) => r.id === id);
  if (revision) return revision;
  throw new CriteriaError('unknown_revision', [
    formatIssue(
      field,
      id,
      `a revision of ${policy.id} (known: ${policy.revisions.map((r) => r.id).join(', ')})`,
    ),
  ]);
}
