import { CriteriaError, err, type FieldIssue, ok, type Result } from '@criteria/errors';
import { contentHash } from './content-hash.js';
import { fieldIssuesFromZod } from './field-issues.js';
import {
  type Policy,
  type PolicyInput,
  PolicySchema,
  type Revision,
  type RevisionInput,
} from './policy.js';

/** A revision as loaded: validated, frozen, with its content hash. */
export type LoadedRevision = Readonly<Revision> & { readonly sha256: string };
/** A policy as loaded: validated, frozen, each revision hashed. */
export type LoadedPolicy = Readonly<Omit<Policy, 'revisions'>> & {
  readonly revisions: readonly LoadedRevision[];
};

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
};

/**
 * Validates a policy. Never throws for bad data: the issues name each field.
 *
 * @example
 * const r = parsePolicy(json);
 * if (!r.ok) for (const i of r.issues) console.error(i.message);
 */
export function parsePolicy(input: unknown): Result<LoadedPolicy, FieldIssue> {
  const parsed = PolicySchema.safeParse(input);
  if (!parsed.success) return err(fieldIssuesFromZod(parsed.error, input, { reportInput: true }));
  const revisions = parsed.data.revisions.map((r) => ({ ...r, sha256: contentHash(r) }));
  return ok(deepFreeze({ ...parsed.data, revisions }));
}

/**
 * Loads a policy module's data at import time: a policy that does not validate
 * must not be importable, so this throws a {@link CriteriaError} (`invalid_policy`).
 *
 * @example export const imrt = definePolicy({ id: 'imrt', ... });
 */
export function definePolicy(input: PolicyInput): LoadedPolicy {
  const result = parsePolicy(input);
  if (!result.ok)
    throw new CriteriaError(
      'invalid_policy',
      result.issues,
      `policy ${String((input as { id?: unknown }).id)} does not validate: ${result.issues.map((i) => i.message).join('; ')}`,
    );
  return result.value;
}

/** Types a revision module's data (validation happens when the policy is defined). */
export const defineRevision = (revision: RevisionInput): RevisionInput => revision;

/** How a revision is named in outputs: its id, dates and content hash. */
export interface RevisionRef {
  id: string;
  approvedOn: string;
  effectiveOn: string;
  effectiveOnBasis: LoadedRevision['effectiveOnBasis'];
  sha256: string;
}

/**
 * The reference to a revision that every output carries.
 *
 * @example revisionRef(imrt.revisions[6]) // => { id: '2021-03-02', approvedOn: '2021-03-02', effectiveOn: '2021-08-01', effectiveOnBasis: 'stated', sha256: '…' }
 */
export const revisionRef = (r: LoadedRevision): RevisionRef => ({
  id: r.id,
  approvedOn: r.approvedOn,
  effectiveOn: r.effectiveOn,
  effectiveOnBasis: r.effectiveOnBasis,
  sha256: r.sha256,
});
