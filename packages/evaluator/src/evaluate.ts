import {
  CriteriaError,
  err,
  type FieldIssue,
  formatIssue,
  ok,
  type Result,
} from '@criteria/errors';
import {
  fieldIssuesFromZod,
  type LoadedPolicy,
  type ReadingsEdition,
  safeFindRevision,
} from '@criteria/schema/core';
import { requestSchema } from '#request-schema';
import type { Determination } from './determination.js';
import { decide } from './internal/decide.js';
import { shorthandOf } from './internal/indication.js';
import { parseRequest } from './internal/parse-request.js';
import { policyPlanOf } from './internal/plan.js';
import type { EvaluationRequest } from './request.js';

/**
 * Resolves where a criteria source's content can be read. Licensed content
 * (MCG) is never in this repository: a deployment supplies a provider.
 */
export interface CriteriaContentProvider {
  /** A location (URL, document id) for the content, or null when this deployment has none. */
  locate(ref: { provider: string; key: string; licensed: boolean }): string | null;
}

export interface EvaluateOptions {
  contentProvider?: CriteriaContentProvider;
  /**
   * Evaluate as if this revision (by id) governed the date of service, whatever
   * the dates say: for "what would revision X change?" (impact analysis). The
   * date of service and the request date still decide the documentation window.
   * An unknown id is an issue on `options.revision`.
   */
  revision?: string;
  /**
   * The readings edition to use (by edition id): the one a stored determination
   * names, on replay. Default: the policy's latest. An unknown id is an issue on
   * `options.edition`.
   */
  edition?: string;
  /**
   * Put the values found into issues and their messages (default false, as
   * zod 4's `reportInput`): a request may carry member data, and issues end up
   * in logs. Nothing under `member` is ever shown.
   */
  reportInput?: boolean;
}

/** Issue options for a request: input values only when asked, never under `member`. */
const issueOptions = (options: EvaluateOptions) => ({
  reportInput: options.reportInput === true,
  neverReport: ['member'],
});

/**
 * Evaluates a request against a policy. Pure and synchronous; never throws.
 * Invalid input gives `{ ok: false, issues }`, each naming the field, the value
 * and what was expected.
 *
 * @example
 * const r = safeEvaluate(imrt, body);
 * if (!r.ok) return reply(400, r.issues);
 * reply(200, r.value);
 */
export function safeEvaluate(
  policy: LoadedPolicy,
  input: unknown,
  options: EvaluateOptions = {},
): Result<Determination, FieldIssue> {
  const checked = checkRequest(policy, input, options, INTERNAL_DEFAULTS);
  if (!checked.ok) return checked;
  return ok(decide(policy, checked.value.request, options, checked.value.edition));
}

/** How the internals run: the table and the fast check (tests turn them off to compare). */
export interface InternalMode {
  fast: boolean;
  table: boolean;
}
export const INTERNAL_DEFAULTS: InternalMode = { fast: true, table: true };

/** The request validated against the schema and the policy, with the readings edition to use. */
export function checkRequest(
  policy: LoadedPolicy,
  input: unknown,
  options: EvaluateOptions,
  mode: InternalMode,
): Result<{ request: EvaluationRequest; edition: ReadingsEdition | null }, FieldIssue> {
  const parsed = parseRequest(input, mode);
  if (!parsed.success) return err(fieldIssuesFromZod(parsed.error, input, issueOptions(options)));
  if (parsed.data.policy !== policy.id)
    return err([
      formatIssue(
        'policy',
        parsed.data.policy,
        `the policy being evaluated (\`${policy.id}\`)`,
        issueOptions(options),
      ),
    ]);
  if (options.revision !== undefined && !policyPlanOf(policy).byId.has(options.revision)) {
    const forced = safeFindRevision(policy, options.revision, 'options.revision');
    if (!forced.ok) return err(forced.issues);
  }
  if (options.edition !== undefined && !policy.readings.some((e) => e.edition === options.edition))
    return err([
      formatIssue(
        'options.edition',
        options.edition,
        `a readings edition of ${policy.id} (known: ${policy.readings.map((e) => e.edition).join(', ') || 'none'})`,
      ),
    ]);
  const edition =
    options.edition === undefined
      ? policy.readings.at(-1)
      : policy.readings.find((e) => e.edition === options.edition);
  const shorthand =
    parsed.data.indication === undefined
      ? undefined
      : shorthandOf(edition ?? null, parsed.data.indication);
  if (
    shorthand &&
    parsed.data.technique !== undefined &&
    parsed.data.technique !== shorthand.technique
  )
    return err([
      formatIssue(
        'technique',
        parsed.data.technique,
        `\`${shorthand.technique}\` (or no technique): indication \`${shorthand.id}\` is shorthand for ${shorthand.indication} with technique ${shorthand.technique}`,
        issueOptions(options),
      ),
    ]);
  return ok({ request: parsed.data, edition: edition ?? null });
}

/**
 * Evaluates a request against the policy it names, among `policies` (by id).
 * Never throws. A request that is not an object gets the same issue as from
 * {@link safeEvaluate} (`input: ... is not an object`); one naming no known
 * policy gets that issue and every other field issue too.
 *
 * @example
 * const r = safeEvaluateIn(new Map([[imrt.id, imrt]]), JSON.parse(body));
 * if (!r.ok) return reply(400, r.issues);
 */
export function safeEvaluateIn(
  policies: ReadonlyMap<string, LoadedPolicy>,
  input: unknown,
  options: EvaluateOptions = {},
): Result<Determination, FieldIssue> {
  const id =
    typeof input === 'object' && input !== null && !Array.isArray(input)
      ? (input as { policy?: unknown }).policy
      : undefined;
  const policy = typeof id === 'string' ? policies.get(id) : undefined;
  if (policy !== undefined) return safeEvaluate(policy, input, options);
  const parsed = requestSchema().safeParse(input);
  const issues = parsed.success
    ? []
    : fieldIssuesFromZod(parsed.error, input, issueOptions(options));
  if (issues.some((i) => i.path === '')) return err(issues);
  return err([
    formatIssue(
      'policy',
      id,
      `a known policy (known: ${[...policies.keys()].join(', ')})`,
      issueOptions(options),
    ),
    ...issues.filter((i) => i.path !== 'policy'),
  ]);
}

/**
 * Evaluates a request against a policy. Pure and synchronous. Throws only a
 * `CriteriaError` with code `invalid_request` whose `issues` list every field
 * problem; any other exception is a bug.
 *
 * @example
 * const d = evaluate(imrt, {
 *   policy: 'imrt', lineOfBusiness: 'non-medicare', dateOfService: '2021-09-01',
 *   procedureCodes: ['77385'], indication: 'pancreatic-cancer', documentation: [],
 * });
 * d.route; // 'criteria-review'
 * d.documentation.missing; // ['oncology-clinical-notes', 'radiation-oncology-clinical-notes']
 */
export function evaluate(
  policy: LoadedPolicy,
  input: unknown,
  options: EvaluateOptions = {},
): Determination {
  const result = safeEvaluate(policy, input, options);
  if (!result.ok) throw new CriteriaError('invalid_request', result.issues);
  return result.value;
}
