import { CriteriaError, type FieldIssue, ok, type Result } from '@criteria/errors';
import { type LoadedPolicy, type LoadedRevision, safeFindRevision } from '@criteria/schema/core';
import { checkRequest, type EvaluateOptions, INTERNAL_DEFAULTS } from './evaluate.js';
import { type Outcome, outcome, outcomesUnder } from './internal/decide.js';
import { policyPlanOf } from './internal/plan.js';

export type { Outcome };

/**
 * Like {@link safeEvaluate}, but answers only what an impact report reads (the
 * revision, route, deciding indication, criteria and documentation), without
 * building a determination's reasons, trace or flags. Each field equals the
 * same field of the determination `safeEvaluate` gives. Never throws.
 *
 * @example
 * const r = safeEvaluateOutcome(imrt, request, { revision: '2023-01-10' });
 * if (r.ok) r.value.route; // 'criteria-review'
 */
export function safeEvaluateOutcome(
  policy: LoadedPolicy,
  input: unknown,
  options: EvaluateOptions = {},
): Result<Outcome, FieldIssue> {
  const checked = checkRequest(policy, input, options, INTERNAL_DEFAULTS);
  if (!checked.ok) return checked;
  return ok(outcome(policy, checked.value.request, options, checked.value.edition));
}

/**
 * The outcomes of one request under several revisions (by id), validated once:
 * what comparing two revisions needs. An unknown id is an issue on
 * `options.revision`, as from {@link safeEvaluateOutcome}. Never throws.
 *
 * @example
 * const r = safeEvaluateOutcomes(imrt, request, ['2021-03-02', '2023-01-10']);
 * if (r.ok) r.value.map((o) => o.route);
 */
export function safeEvaluateOutcomes(
  policy: LoadedPolicy,
  input: unknown,
  revisions: readonly string[],
  options: Omit<EvaluateOptions, 'revision'> = {},
): Result<Outcome[], FieldIssue> {
  const first = revisions[0];
  const byId = policyPlanOf(policy).byId;
  // The request checked once, and the first id with it (a known id needs no check).
  const checked = checkRequest(
    policy,
    input,
    first === undefined || (byId.has(first) && !('revision' in options))
      ? options
      : { ...options, revision: first },
    INTERNAL_DEFAULTS,
  );
  if (!checked.ok) return checked;
  const governing: LoadedRevision[] = [];
  for (const id of revisions) {
    const known = byId.get(id);
    if (known !== undefined) {
      governing.push(known);
      continue;
    }
    const found = safeFindRevision(policy, id, 'options.revision');
    if (!found.ok) return found;
    governing.push(found.value);
  }
  return ok(
    outcomesUnder(policy, checked.value.request, governing, options, checked.value.edition),
  );
}

/**
 * Like {@link evaluate}, but answers only an {@link Outcome}. Throws only a
 * `CriteriaError` with code `invalid_request`.
 *
 * @example
 * evaluateOutcome(imrt, request, { revision: '2023-01-10' }).documentation.missing;
 */
export function evaluateOutcome(
  policy: LoadedPolicy,
  input: unknown,
  options: EvaluateOptions = {},
): Outcome {
  const result = safeEvaluateOutcome(policy, input, options);
  if (!result.ok) throw new CriteriaError('invalid_request', result.issues);
  return result.value;
}
