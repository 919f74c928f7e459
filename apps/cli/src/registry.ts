import { CriteriaError, formatIssue } from '@criteria/errors';
import { imrt } from '@criteria/policy-imrt';
import type { LoadedPolicy, LoadedRevision } from '@criteria/schema';

/** Every policy the CLI knows, by id. A new policy package is added here. */
export const policies: ReadonlyMap<string, LoadedPolicy> = new Map([[imrt.id, imrt]]);

/** The policy with this id, or a `CriteriaError` (`unknown_policy`) listing the known ones. */
export function findPolicy(
  id: string,
  known: ReadonlyMap<string, LoadedPolicy> = policies,
): LoadedPolicy {
  const policy = known.get(id);
  if (policy) return policy;
  throw new CriteriaError('unknown_policy', [
    formatIssue('policy', id, `a known policy (known: ${[...known.keys()].join(', ')})`),
  ]);
}

/** The revision with this id, or a `CriteriaError` (`unknown_revision`) listing the known ones. */
export function findRevision(policy: LoadedPolicy, id: string, field = 'revision'): LoadedRevision {
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
