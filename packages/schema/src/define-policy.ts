import {
  CriteriaError,
  err,
  type FieldIssue,
  formatIssue,
  ok,
  type Result,
} from '@criteria/errors';
import { contentHash } from './content-hash.js';
import { fieldIssuesFromZod } from './core.js';
import {
  type Policy,
  type PolicyInput,
  PolicySchema,
  type Revision,
  type RevisionInput,
} from './policy.js';
import {
  buildReadingsEdition,
  type ReadingsEdition,
  type ReadingsEditionInput,
} from './readings.js';

/** A revision as loaded: validated, frozen, with its content hash. */
export type LoadedRevision = Readonly<Revision> & { readonly sha256: string };
/**
 * A policy as loaded: validated, frozen, each revision hashed, and its readings
 * editions built (oldest first; the last is the latest).
 */
export type LoadedPolicy = Readonly<Omit<Policy, 'revisions'>> & {
  readonly revisions: readonly LoadedRevision[];
  readonly readings: readonly ReadingsEdition[];
};

/** A policy's data as its modules write it, with its readings editions (oldest first). */
export type PolicyWithReadingsInput = PolicyInput & { readings?: readonly ReadingsEditionInput[] };

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
  const raw = (input as { readings?: unknown }).readings ?? [];
  if (!Array.isArray(raw))
    return err([formatIssue('readings', raw, 'an array of readings editions')]);
  const readings: ReadingsEdition[] = [];
  for (const [i, edition] of raw.entries()) {
    try {
      readings.push(buildReadingsEdition(edition as ReadingsEditionInput, revisions));
    } catch (e) {
      const why = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
      return err([
        formatIssue(
          `readings.${i}`,
          (edition as { edition?: unknown })?.edition,
          `a readings edition that builds (${why})`,
        ),
      ]);
    }
  }
  return ok(deepFreeze({ ...parsed.data, revisions, readings }));
}

/**
 * Loads a policy module's data at import time: a policy that does not validate
 * must not be importable, so this throws a {@link CriteriaError} (`invalid_policy`).
 *
 * @example export const imrt = definePolicy({ id: 'imrt', ... });
 */
export function definePolicy(input: PolicyWithReadingsInput): LoadedPolicy {
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

export { type RevisionRef, revisionRef } from './core.js';
