import { subtractMonths } from '@criteria/calendar';
import {
  CriteriaError,
  err,
  type FieldIssue,
  formatIssue,
  ok,
  type Result,
} from '@criteria/errors';
import {
  type Citation,
  fieldIssuesFromZod,
  type LoadedPolicy,
  type LoadedRevision,
} from '@criteria/schema';
import { selectRevision, sourceStatus } from '@criteria/temporal';
import { match } from 'ts-pattern';
import {
  DETERMINATION_SCHEMA_VERSION,
  type Determination,
  type Reason,
  type Route,
  type TraceStep,
} from './determination.js';
import { type IndicationStanding, standing } from './internal/catalog.js';
import { mapDiagnoses } from './internal/diagnoses.js';
import { type EvaluationRequest, RequestSchema } from './request.js';

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
   * date of service and the knowledge date still decide everything else (the
   * documentation window, the standing of an indication the revision does not
   * name). An unknown id is an issue on `options.revision`.
   */
  revision?: string;
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
 * What decides the route, before the route is named: a gate reached before the
 * indication matters, or where the indication stands on the date of service.
 */
type Gate =
  | { kind: 'no-codes-in-scope' }
  | { kind: 'no-revision' }
  | { kind: 'criteria-only-line' }
  | IndicationStanding
  | { kind: 'unresolved' };

/** The route for a gate. Exhaustive: a new gate or standing stops this compiling until routed. */
const routeOf = (gate: Gate): Route =>
  match(gate)
    .returnType<Route>()
    .with({ kind: 'no-codes-in-scope' }, () => 'not-applicable')
    .with({ kind: 'no-revision' }, () => 'no-criteria-in-effect')
    .with({ kind: 'criteria-only-line' }, () => 'criteria-review')
    .with({ kind: 'named' }, (g) => g.indication.requires)
    .with({ kind: 'named-later' }, () => 'medical-director-review')
    .with({ kind: 'no-longer-named' }, () => 'medical-director-review')
    .with({ kind: 'never-named' }, () => 'criteria-review')
    .with({ kind: 'unresolved' }, () => 'criteria-review')
    .exhaustive();

/** How many values a reason or trace step lists before it counts the rest. */
const LISTED = 10;
/** `a, b, c` for a few values; the first ten and `and N more` for many. */
const listed = (items: readonly string[]): string =>
  items.length <= LISTED
    ? items.join(', ')
    : `${items.slice(0, LISTED).join(', ')} and ${(items.length - LISTED).toLocaleString('en-US')} more`;

const cites = (p: { cites: readonly Citation[] } | undefined): Citation[] =>
  p ? [...p.cites] : [];

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
  const parsed = RequestSchema.safeParse(input);
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
  if (options.revision !== undefined && !policy.revisions.some((r) => r.id === options.revision))
    return err([
      formatIssue(
        'options.revision',
        options.revision,
        `a revision of ${policy.id} (known: ${policy.revisions.map((r) => r.id).join(', ')})`,
      ),
    ]);
  return ok(decide(policy, parsed.data, options));
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
  const parsed = RequestSchema.safeParse(input);
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
 *   policy: 'imrt', lineOfBusiness: 'commercial', dateOfService: '2021-09-01',
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

function decide(
  policy: LoadedPolicy,
  req: EvaluationRequest,
  options: EvaluateOptions,
): Determination {
  const trace: TraceStep[] = [];
  const reasons: Reason[] = [];
  const step = (rule: string, detail: string) => trace.push({ rule, detail });
  const say = (rule: string, text: string, c: Citation[] = []) =>
    reasons.push({ rule, text, cites: c });

  const asOf = req.asOf ?? req.requestDate ?? null;
  step(
    'knowledge-date',
    asOf === null ? 'everything approved' : `revisions approved on or before ${asOf}`,
  );

  const forced =
    options.revision === undefined
      ? undefined
      : policy.revisions.find((r) => r.id === options.revision);
  const revision = forced ?? selectRevision(policy.revisions, req.dateOfService, asOf ?? undefined);
  if (forced) {
    step('revision.forced', `${forced.id} (forced by the caller)`);
    say(
      'revision.forced',
      `Revision ${forced.id} is applied to ${req.dateOfService} because the caller forced it (impact analysis), not because the dates select it.`,
      cites(forced.provenance),
    );
  } else if (revision) {
    step('revision.selected', `${revision.id} (effective ${revision.effectiveOn})`);
    say(
      'revision.selected',
      `Revision ${revision.id} governs ${req.dateOfService}: it takes effect ${revision.effectiveOn} (${revision.effectiveOnBasis})${asOf ? ` and was approved by ${asOf}` : ''}.`,
      cites(revision.provenance),
    );
  } else {
    step('revision.none', `no revision of ${policy.id} governs ${req.dateOfService}`);
  }

  // Scope: the governing revision's codes; with none, every code the policy ever listed.
  const scope = scopeOf(policy, revision);
  const unique = [...new Set(req.procedureCodes)];
  const codes = {
    inScope: unique.filter((c) => scope.has(c)),
    outOfScope: unique.filter((c) => !scope.has(c)),
  };
  step(
    codes.inScope.length > 0 ? 'codes.in-scope' : 'codes.none-in-scope',
    `in ${listed(codes.inScope) || '-'}; out ${listed(codes.outOfScope) || '-'}`,
  );

  const indicationInfo = resolveIndication(policy, req, step, say);
  const standingOf =
    indicationInfo.id !== null && revision !== null
      ? standing(policy, revision, indicationInfo.id, req.dateOfService, asOf)
      : null;

  const gate: Gate = (() => {
    if (codes.inScope.length === 0) {
      say(
        'codes.none-in-scope',
        `None of the requested codes (${listed(codes.outOfScope)}) is in the scope of ${policy.title}${revision ? ` under revision ${revision.id}` : ''}.`,
      );
      return { kind: 'no-codes-in-scope' };
    }
    if (revision === null) {
      const first = policy.revisions
        .filter((r) => asOf === null || r.approvedOn <= asOf)
        .map((r) => r.effectiveOn)
        .sort()[0];
      say(
        'revision.none',
        `No revision of ${policy.title} is in effect on ${req.dateOfService}${asOf ? ` as known on ${asOf}` : ''}${first ? `; the first takes effect ${first}` : ''}.`,
      );
      return { kind: 'no-revision' };
    }
    if (!revision.indicationRulesApplyTo.includes(req.lineOfBusiness)) {
      step(
        'line-of-business.criteria-only',
        `${req.lineOfBusiness}: reviewed against the criteria whatever the indication`,
      );
      say(
        'line-of-business.criteria-only',
        `${req.lineOfBusiness === 'medicare' ? 'Medicare' : req.lineOfBusiness} members are reviewed against the criteria sources whatever the indication.`,
        cites(revision.indicationRulesProvenance),
      );
      return { kind: 'criteria-only-line' };
    }
    return standingOf ?? { kind: 'unresolved' };
  })();

  // How the indication stands, described once: the determination shows it for every
  // line of business; its reason and trace count only where it decides the route.
  const description = standingOf && describe(standingOf, req.dateOfService);
  if (gate === standingOf && description) {
    step(description.rule, description.detail);
    say(description.rule, description.text, description.cites);
  } else if (gate.kind === 'unresolved')
    step('indication.unresolved', 'no indication: the criteria decide');

  const route = routeOf(gate);
  step(`route.${route}`, route);

  const indication =
    indicationInfo.id === null
      ? null
      : {
          id: indicationInfo.id,
          ...(description?.view ?? { named: false, since: null, requires: null, label: null }),
          from: indicationInfo.from,
          fromDiagnoses: indicationInfo.fromDiagnoses,
          conflict: indicationInfo.conflict,
        };

  const criteria = revision
    ? revision.criteria[req.lineOfBusiness].sources.map((s) => {
        const status = sourceStatus(s, req.dateOfService);
        return {
          kind: s.kind,
          id: s.id,
          title: s.title,
          status: status.status,
          ...(status.status === 'retired' ? { retiredOn: status.retiredOn } : {}),
          applied: status.applied,
          ...(s.edition ? { edition: s.edition } : {}),
          content: {
            ref: `${s.content.provider}:${s.content.key}`,
            licensed: s.content.licensed,
            location: options.contentProvider?.locate(s.content) ?? null,
          },
        };
      })
    : [];
  if (revision && route !== 'not-applicable') {
    const silence = revision.criteria[req.lineOfBusiness].silence;
    if (criteria.length > 0)
      say(
        'criteria.sources',
        `Criteria for ${req.lineOfBusiness} members: ${criteria
          .map(
            (c) =>
              `${c.kind} ${c.id}${c.status === 'retired' ? ` (retired ${c.retiredOn}, ${c.applied ? 'still applied' : 'not applied'})` : ''}`,
          )
          .join('; ')}.`,
        revision.criteria[req.lineOfBusiness].sources.flatMap((s) => cites(s.provenance)),
      );
    if (silence)
      say(
        'criteria.silence',
        `The source does not name the ${req.lineOfBusiness} criteria sources for revision ${revision.id}.`,
        cites(silence),
      );
  }

  const documentation = checkDocumentation(revision, req, route, step, say);

  return {
    schemaVersion: DETERMINATION_SCHEMA_VERSION,
    policy: policy.id,
    lineOfBusiness: req.lineOfBusiness,
    dateOfService: req.dateOfService,
    asOf,
    route,
    revision: revision && {
      id: revision.id,
      approvedOn: revision.approvedOn,
      effectiveOn: revision.effectiveOn,
      sha256: revision.sha256,
    },
    criteria,
    indication,
    codes,
    documentation,
    reasons,
    trace,
  };
}

// The codes in scope, built once per revision (or per policy when none governs) instead of per request.
const scopes = new WeakMap<object, ReadonlySet<string>>();
function scopeOf(policy: LoadedPolicy, revision: LoadedRevision | null): ReadonlySet<string> {
  const key = revision ?? policy;
  let scope = scopes.get(key);
  if (scope === undefined) {
    scope = new Set(
      (revision ? [revision] : policy.revisions).flatMap((r) => r.codes.map((c) => c.code)),
    );
    scopes.set(key, scope);
  }
  return scope;
}

type Step = (rule: string, detail: string) => void;
type Say = (rule: string, text: string, c?: Citation[]) => void;

function resolveIndication(policy: LoadedPolicy, req: EvaluationRequest, step: Step, say: Say) {
  // Each diagnosis once: 100,000 copies of one code say no more than one does.
  const diagnoses = req.diagnoses && [...new Set(req.diagnoses)];
  const fromDiagnoses = diagnoses
    ? mapDiagnoses(policy.diagnosisMap.rows, diagnoses, {
        technique: req.technique,
        mediastinalInvolvement: req.mediastinalInvolvement,
      })
    : [];
  const mapped = fromDiagnoses.map((d) => d.indication).filter((i): i is string => i !== null);
  let conflict: string | null = null;
  if (req.indication !== undefined) {
    if (fromDiagnoses.length > 0 && !mapped.includes(req.indication)) {
      conflict = `the stated indication ${req.indication} is not what the diagnoses map to (${listed(
        fromDiagnoses.map((d) => `${d.code} → ${d.indication ?? 'no indication'}`),
      )}); the stated indication is used`;
      step('indication.conflict', conflict);
      say('indication.conflict', `The stated indication and the diagnoses disagree: ${conflict}.`);
    }
    step('indication.stated', req.indication);
    return { id: req.indication, from: 'request' as const, fromDiagnoses, conflict };
  }
  const first = mapped[0] ?? null;
  if (new Set(mapped).size > 1) {
    conflict = `the diagnoses map to several indications (${listed([...new Set(mapped)])}); the first listed diagnosis's is used`;
    step('indication.conflict', conflict);
    say('indication.conflict', `The diagnoses disagree: ${conflict}.`);
  }
  step(
    first ? 'indication.from-diagnosis' : 'indication.unmapped',
    first ?? `no row of the plan's diagnosis table matches ${listed(diagnoses ?? [])}`,
  );
  if (first === null)
    say(
      'indication.unmapped',
      `No indication could be derived from the diagnoses (${listed(diagnoses ?? [])}): the criteria decide.`,
    );
  return { id: first, from: 'diagnosis' as const, fromDiagnoses, conflict };
}

/** What a standing shows in the determination, and the reason and trace step it gives. */
function describe(s: IndicationStanding, dateOfService: string) {
  return match(s)
    .with({ kind: 'named' }, ({ indication, since }) => ({
      view: { named: true, since, requires: indication.requires, label: indication.label },
      rule: 'indication.named',
      detail: `${indication.id} named from ${since}; requires ${indication.requires}`,
      text: `${indication.label} is named from ${since} and requires ${indication.requires === 'criteria-review' ? 'review against the criteria' : 'medical director review'}.`,
      cites: cites(indication.provenance),
    }))
    .with({ kind: 'named-later' }, ({ indication, since, by }) => ({
      view: { named: false, since, requires: indication.requires, label: indication.label },
      rule: 'indication.named-later',
      detail: `${indication.id} named by ${by.id} from ${since}, after ${dateOfService}`,
      text: `${indication.label} is not an indication on ${dateOfService}: revision ${by.id} adds it from ${since}, so the request needs medical director review.`,
      cites: cites(indication.provenance),
    }))
    .with({ kind: 'no-longer-named' }, ({ indication, since }) => ({
      view: { named: false, since, requires: indication.requires, label: indication.label },
      rule: 'indication.no-longer-named',
      detail: `${indication.id} was named by an earlier revision but not by the governing one`,
      text: `${indication.label} is no longer named on ${dateOfService}: medical director review.`,
      cites: cites(indication.provenance),
    }))
    .with({ kind: 'never-named' }, ({ id }) => ({
      view: { named: false, since: null, requires: null, label: null },
      rule: 'indication.never-named',
      detail: `${id} is named by no revision`,
      text: `${id} is not an indication the revision table names: the criteria themselves decide.`,
      cites: [] as Citation[],
    }))
    .exhaustive();
}

// Calendar arithmetic (temporal-polyfill) was the largest single cost of a
// determination; the window start is a pure function of two small values, so
// it is remembered. Bounded: cleared when full (a few thousand dates a year).
const windowStarts = new Map<string, string>();
function windowStart(reference: string, months: number): string {
  const key = `${months}:${reference}`;
  let from = windowStarts.get(key);
  if (from === undefined) {
    from = subtractMonths(reference, months);
    if (windowStarts.size >= 20_000) windowStarts.clear();
    windowStarts.set(key, from);
  }
  return from;
}

function checkDocumentation(
  revision: LoadedRevision | null,
  req: EvaluationRequest,
  route: Route,
  step: Step,
  say: Say,
): Determination['documentation'] {
  const requirements = revision && route !== 'not-applicable' ? revision.documentation : [];
  const reference = req.requestDate ?? req.dateOfService;
  const missing: string[] = [];
  let window: { from: string; through: string } | null = null;
  for (const need of requirements) {
    const from = windowStart(reference, need.lookbackMonths);
    window = { from, through: reference };
    const found = req.documentation.some(
      (d) =>
        d.kind === need.kind &&
        d.specialty === need.specialty &&
        d.date >= from &&
        d.date <= reference,
    );
    if (!found) {
      missing.push(need.id);
      say(
        'documentation.missing',
        `Missing: ${need.label} (dated ${from} to ${reference}).`,
        cites(need.provenance),
      );
    }
  }
  step(
    missing.length === 0 ? 'documentation.complete' : 'documentation.missing',
    missing.join(',') || `${requirements.length} requirement(s) met`,
  );
  return {
    complete: missing.length === 0,
    window,
    required: requirements.map((r) => r.id),
    missing,
  };
}
