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
  type IndicationRequirement,
  type LoadedPolicy,
  type LoadedRevision,
  type Provenance,
  type Reading,
  type ReadingsEdition,
  type ReadingsSlice,
  safeFindRevision,
  sliceFor,
  type Technique,
} from '@criteria/schema';
import { selectRevision, sourceStatus } from '@criteria/temporal';
import { match } from 'ts-pattern';
import {
  type Basis,
  DETERMINATION_SCHEMA_VERSION,
  type Determination,
  type Reason,
  type Route,
  type TraceStep,
} from './determination.js';
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
  if (options.revision !== undefined) {
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
  const shorthand = edition?.shorthands.find((x) => x.id === parsed.data.indication);
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
  return ok(decide(policy, parsed.data, options, edition ?? null));
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

function decide(
  policy: LoadedPolicy,
  req: EvaluationRequest,
  options: EvaluateOptions,
  edition: ReadingsEdition | null,
): Determination {
  const trace: TraceStep[] = [];
  const reasons: Reason[] = [];
  const step = (rule: string, detail: string) => trace.push({ rule, detail });
  const say: Say = (rule, text, b = stated([])) => reasons.push({ rule, text, ...b });

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
      stated(cites(forced.provenance)),
    );
  } else if (revision) {
    step('revision.selected', `${revision.id} (effective ${revision.effectiveOn})`);
    say(
      'revision.selected',
      `Revision ${revision.id} governs ${req.dateOfService}: it takes effect ${revision.effectiveOn} (${revision.effectiveOnBasis})${asOf ? ` and was approved by ${asOf}` : ''}.`,
      revisionBasis(revision),
    );
  } else {
    step('revision.none', `no revision of ${policy.id} governs ${req.dateOfService}`);
  }

  // The evaluator reads only the governing revision and its slice of one edition:
  // nothing below looks at another revision, so `asOf` matters only through `revision`.
  const slice = revision && edition ? sliceOf(edition, revision.id) : null;
  if (slice) step('readings.edition', `${slice.ref.edition} (${slice.readings.length} readings)`);

  // Scope: the governing revision's codes; with none, every code the policy ever listed.
  const scope = scopeOf(policy, revision);
  const unique = [...new Set(req.procedureCodes)];
  const codes = {
    inScope: unique.filter((c) => scope.has(c)),
    outOfScope: unique.filter((c) => !scope.has(c)),
    deleted: [] as { code: string; on: string | null }[],
  };
  step(
    codes.inScope.length > 0 ? 'codes.in-scope' : 'codes.none-in-scope',
    `in ${listed(codes.inScope) || '-'}; out ${listed(codes.outOfScope) || '-'}`,
  );
  const flags: Determination['flags'] = [];
  for (const code of unique) {
    const d = policy.deletedCodes.find((x) => x.code === code);
    if (!d?.deleted) continue;
    codes.deleted.push({ code, on: d.deleted.on ?? null });
    const b = provenanceBasis(d.deleted.provenance, `code:${code}:deleted`);
    const text = `${d.system} ${code} is a deleted code${d.deleted.on ? ` (deleted ${d.deleted.on})` : ''}.`;
    flags.push({ flag: 'deleted-code', subject: code, text, ...b });
    say('codes.deleted', text, b);
  }

  const resolved = resolveIndications(req, slice ?? edition, step, say, flags);
  const technique = resolved.technique;
  const routed = revision
    ? resolved.items.map((i) => routeIndication(revision, slice, i.id, technique))
    : [];

  type Gate =
    | { kind: 'no-revision' }
    | { kind: 'no-codes-in-scope' }
    | { kind: 'line-route'; route: IndicationRequirement }
    | { kind: 'indication'; route: IndicationRequirement };

  const gate: Gate = (() => {
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
    if (codes.inScope.length === 0) {
      say(
        'codes.none-in-scope',
        `None of the requested codes (${listed(codes.outOfScope)}) is in the scope of ${policy.title} under revision ${revision.id}.`,
      );
      return { kind: 'no-codes-in-scope' };
    }
    const line = slice?.readings.find(
      (r) => r.decides.kind === 'line-route' && r.decides.line === req.lineOfBusiness,
    );
    if (line && line.decides.kind === 'line-route') {
      step(
        'line-of-business.route',
        `${req.lineOfBusiness}: ${line.decides.route} whatever the indication (${line.id})`,
      );
      say(
        'line-of-business.route',
        `${lineName(req.lineOfBusiness)} requests take ${routeWords(line.decides.route)} whatever the indication (reading ${line.id}).`,
        readingBasis([line]),
      );
      return { kind: 'line-route', route: line.decides.route };
    }
    if (routed.length === 0) {
      const d = defaultRoute(slice);
      step('indication.unresolved', 'no indication: the criteria decide');
      say(
        'indication.unresolved',
        'No indication is known: the criteria themselves decide.',
        d.reading
          ? readingBasis([d.reading])
          : assumed('No reading decides a request without an indication; the criteria decide.'),
      );
      return { kind: 'indication', route: d.route };
    }
    for (const x of routed) {
      step(x.rule, x.detail);
      say(x.rule, x.text, x.basis);
    }
    const stricter = slice?.readings.find((r) => r.decides.kind === 'stricter-route-wins');
    const strictest = routed.some((x) => x.route === 'medical-director-review')
      ? 'medical-director-review'
      : 'criteria-review';
    const chosen: IndicationRequirement =
      routed.length === 1 || stricter ? strictest : (routed[0]?.route ?? strictest);
    if (routed.length > 1)
      say(
        'indication.several',
        stricter
          ? `The request has ${routed.length} indications; the stricter route, ${routeWords(chosen)}, wins (reading ${stricter.id}).`
          : `The request has ${routed.length} indications; no reading says which wins, so the first decides (${routeWords(chosen)}).`,
        stricter
          ? readingBasis([stricter])
          : assumed('No reading decides a request with several indications.'),
      );
    return { kind: 'indication', route: chosen };
  })();

  const route: Route = match(gate)
    .returnType<Route>()
    .with({ kind: 'no-revision' }, () => 'no-criteria-in-effect')
    .with({ kind: 'no-codes-in-scope' }, () => 'not-applicable')
    .with({ kind: 'line-route' }, (g) => g.route)
    .with({ kind: 'indication' }, (g) => g.route)
    .exhaustive();
  step(`route.${route}`, route);

  // Flags the readings raise for the indications of this request.
  for (const r of slice?.readings ?? []) {
    const d = r.decides;
    if (d.kind !== 'flag' || !resolved.items.some((i) => i.id === d.indication)) continue;
    flags.push({ flag: d.flag, subject: d.indication, text: r.statement, ...readingBasis([r]) });
    say(`flag.${d.flag}`, r.statement, readingBasis([r]));
  }

  const decided = gate.kind === 'indication';
  const indications = resolved.items.map((i, k) => {
    const r = routed[k];
    return {
      id: i.id,
      named: r?.named ?? false,
      namedIn: r?.namedIn ?? null,
      label: r?.label ?? null,
      route: decided && r ? r.route : null,
      reading: decided && r ? r.readingId : null,
    };
  });
  const main =
    (decided ? indications.find((x) => x.id !== null && x.route === route) : undefined) ??
    indications.find((x) => x.id !== null);
  const indication =
    main && main.id !== null
      ? {
          ...main,
          id: main.id,
          technique,
          from: resolved.from,
          fromDiagnoses: resolved.fromDiagnoses,
          conflict: resolved.conflict,
        }
      : null;

  const lineCriteria = revision ? revision.criteria[req.lineOfBusiness] : null;
  const criteria = (lineCriteria?.sources ?? []).map((s) => {
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
  });
  if (revision && lineCriteria && route !== 'not-applicable') {
    for (const [k, c] of criteria.entries()) {
      const src = lineCriteria.sources[k];
      if (!src) continue;
      say(
        'criteria.source',
        `Criteria for ${lineName(req.lineOfBusiness)} members: ${c.kind} ${c.id}${c.status === 'retired' ? ` (retired ${c.retiredOn}, ${c.applied ? 'still applied' : 'not applied'})` : ''}.`,
        provenanceBasis(src.provenance, `${revision.id}:criteria.${req.lineOfBusiness}.${src.id}`),
      );
    }
    if (lineCriteria.silence)
      say(
        'criteria.silence',
        `The source does not name the ${lineName(req.lineOfBusiness)} criteria sources for revision ${revision.id}.`,
        provenanceBasis(
          lineCriteria.silence,
          `${revision.id}:criteria.${req.lineOfBusiness}.silence`,
        ),
      );
  }

  const documentation = checkDocumentation(revision, slice, req, route, step, say);

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
    readings: edition ? { edition: edition.edition, sha256: edition.sha256 } : null,
    criteria,
    indication,
    indications,
    flags,
    codes,
    documentation,
    reasons,
    trace,
  };
}

type BasisFields = Pick<Reason, 'basis' | 'cites' | 'readings'>;
const stated = (c: Citation[]): BasisFields => ({ basis: 'stated', cites: c, readings: [] });
const assumed = (reason: string, c: Citation[] = []): BasisFields => ({
  basis: 'assumed',
  cites: c,
  readings: [{ id: 'assumed', reason }],
});
const readingBasis = (rs: readonly Reading[]): BasisFields => ({
  basis: 'reading',
  cites: rs.flatMap((r) => r.basis.cites),
  readings: rs.map((r) => ({ id: r.id, reason: r.basis.reason })),
});
/** A fact of a revision module: stated when it only cites; a reading (named by where it is recorded) when it reads. */
const provenanceBasis = (p: Provenance, where: string): BasisFields =>
  p.reading === undefined
    ? stated(cites(p))
    : { basis: 'reading', cites: cites(p), readings: [{ id: where, reason: p.reading }] };
const revisionBasis = (r: LoadedRevision): BasisFields => {
  const basis: Basis = r.effectiveOnBasis;
  if (basis === 'stated' || r.provenance.reading === undefined) return stated(cites(r.provenance));
  return {
    basis,
    cites: cites(r.provenance),
    readings: [{ id: `${r.id}:effectiveOn`, reason: r.provenance.reading }],
  };
};

const lineName = (l: string) =>
  l === 'medicare' ? 'Medicare' : l === 'non-medicare' ? 'non-Medicare' : l;
const routeWords = (r: IndicationRequirement) =>
  r === 'criteria-review' ? 'criteria review' : 'medical director review';

function defaultRoute(slice: ReadingsSlice | null): {
  route: IndicationRequirement;
  reading: Reading | null;
} {
  const d = slice?.readings.find((r) => r.decides.kind === 'default-route');
  return d && d.decides.kind === 'default-route'
    ? { route: d.decides.route, reading: d }
    : { route: 'criteria-review', reading: null };
}

/** The route the governing revision's slice gives one indication (null id: a diagnosis that maps to none). */
function routeIndication(
  revision: LoadedRevision,
  slice: ReadingsSlice | null,
  id: string | null,
  technique: Technique,
) {
  const here = id === null ? undefined : revision.indications.find((i) => i.id === id);
  const specific =
    id === null
      ? undefined
      : slice?.readings.find(
          (r) =>
            r.decides.kind === 'indication-route' &&
            r.decides.indication === id &&
            (r.decides.techniques === undefined || r.decides.techniques.includes(technique)),
        );
  const d = defaultRoute(slice);
  const route =
    specific && specific.decides.kind === 'indication-route' ? specific.decides.route : d.route;
  const reading = specific ?? d.reading;
  const standing = here
    ? `${here.label} is named by revision ${revision.id} (since revision ${here.namedIn})`
    : id === null
      ? 'A diagnosis maps to no indication'
      : `${id} is not named by revision ${revision.id}`;
  const how = technique !== 'unknown' && id !== null ? ` with technique ${technique}` : '';
  const why = reading
    ? ` (reading ${reading.id}${reading.derivedFrom ? `, derived from the ${reading.derivedFrom.revision} row's "${reading.derivedFrom.phrase}"` : ''})`
    : ' (assumed: no reading decides it)';
  return {
    id,
    named: here !== undefined,
    // The naming revision is this one or an earlier one: never a later row.
    namedIn: here ? here.namedIn : null,
    label: here?.label ?? null,
    route,
    readingId: reading?.id ?? null,
    rule: here ? 'indication.named' : id === null ? 'indication.unmapped' : 'indication.not-named',
    detail: `${id ?? '(unmapped)'}: ${route}${reading ? ` by ${reading.id}` : ''}`,
    text: `${standing}; requests for it${how} take ${routeWords(route)}${why}.`,
    basis: reading
      ? readingBasis([reading])
      : assumed('No reading of this edition decides the route; the criteria decide.'),
  };
}

// Each revision's slice of an edition, built once (editions are frozen) instead of per request.
const slices = new WeakMap<ReadingsEdition, Map<string, ReadingsSlice>>();
function sliceOf(edition: ReadingsEdition, revisionId: string): ReadingsSlice {
  let byRevision = slices.get(edition);
  if (byRevision === undefined) {
    byRevision = new Map();
    slices.set(edition, byRevision);
  }
  let slice = byRevision.get(revisionId);
  if (slice === undefined) {
    slice = sliceFor(edition, revisionId);
    byRevision.set(revisionId, slice);
  }
  return slice;
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
type Say = (rule: string, text: string, b?: BasisFields) => void;

/** The request's indications: the stated one (a shorthand resolved), else every diagnosis's, in order. */
function resolveIndications(
  req: EvaluationRequest,
  readings: Pick<ReadingsSlice, 'shorthands' | 'diagnosisMap'> | null,
  step: Step,
  say: Say,
  flags: Determination['flags'],
) {
  const technique: Technique = req.technique ?? 'unknown';
  const rows = readings?.diagnosisMap.rows ?? [];
  const mapBasis: BasisFields = {
    basis: 'reading',
    cites: [],
    readings: [{ id: 'diagnosis-map', reason: readings?.diagnosisMap.note ?? 'no diagnosis map' }],
  };
  // Each diagnosis once: 100,000 copies of one code say no more than one does.
  const diagnoses = req.diagnoses && [...new Set(req.diagnoses)];
  const fromDiagnoses = diagnoses
    ? mapDiagnoses(rows, diagnoses, { mediastinalInvolvement: req.mediastinalInvolvement })
    : [];
  let conflict: string | null = null;
  if (req.indication !== undefined) {
    const short = readings?.shorthands.find((x) => x.id === req.indication);
    const id = short ? short.indication : req.indication;
    if (short)
      step(
        'indication.shorthand',
        `${short.id} = ${short.indication} with technique ${short.technique}`,
      );
    const mapped = fromDiagnoses.map((d) => d.indication);
    if (fromDiagnoses.length > 0 && !mapped.includes(id)) {
      conflict = `the stated indication ${id} is not what the diagnoses map to (${listed(
        fromDiagnoses.map((d) => `${d.code} → ${d.indication ?? 'no indication'}`),
      )}); the stated indication is used`;
      step('indication.conflict', conflict);
      say(
        'indication.conflict',
        `The stated indication and the diagnoses disagree: ${conflict}.`,
        mapBasis,
      );
    }
    step('indication.stated', id);
    return {
      items: [{ id }] as { id: string | null }[],
      technique: short ? short.technique : technique,
      from: 'request' as const,
      fromDiagnoses,
      conflict,
    };
  }
  const seen = new Set<string | null>();
  const items: { id: string | null }[] = [];
  for (const d of fromDiagnoses) {
    if (seen.has(d.indication)) continue;
    seen.add(d.indication);
    items.push({ id: d.indication });
  }
  // One flag and one reason for every unmapped diagnosis together, the list bounded.
  const unmapped = fromDiagnoses.filter((d) => d.indication === null).map((d) => d.code);
  if (unmapped.length > 0) {
    const text = `${listed(unmapped)} ${unmapped.length === 1 ? 'maps' : 'map'} to no indication of the project's diagnosis map: ${unmapped.length === 1 ? 'it counts' : 'they count'} as an indication the revision table does not name.`;
    flags.push({ flag: 'unmapped-diagnosis', subject: listed(unmapped), text, ...mapBasis });
    say('indication.unmapped', text, mapBasis);
  }
  step(
    'indication.from-diagnoses',
    listed(fromDiagnoses.map((d) => `${d.code} → ${d.indication ?? '-'}`)),
  );
  return { items, technique, from: 'diagnosis' as const, fromDiagnoses, conflict };
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
  slice: ReadingsSlice | null,
  req: EvaluationRequest,
  route: Route,
  step: Step,
  say: Say,
): Determination['documentation'] {
  const declared = revision ? revision.documentation : [];
  const rule = slice?.readings.find((r) => r.decides.kind === 'documentation');
  // Without a documentation reading, the revision's requirements apply to every line, as it states them.
  const applies =
    rule === undefined ||
    (rule.decides.kind === 'documentation' && rule.decides.lines.includes(req.lineOfBusiness));
  const gated = route === 'not-applicable' || route === 'no-criteria-in-effect';
  const requirements = revision && !gated && applies ? declared : [];
  if (revision && !gated && rule && !applies)
    say(
      'documentation.not-required',
      `No documentation is required of ${lineName(req.lineOfBusiness)} members (reading ${rule.id}).`,
      readingBasis([rule]),
    );
  const reference = req.requestDate ?? req.dateOfService;
  const missing: string[] = [];
  let window: { from: string; through: string } | null = null;
  const counted = new Set<number>();
  for (const need of requirements) {
    const from = windowStart(reference, need.lookbackMonths);
    window = { from, through: reference };
    let found = false;
    for (const [i, d] of req.documentation.entries())
      if (
        d.kind === need.kind &&
        d.specialty === need.specialty &&
        d.date >= from &&
        d.date <= reference
      ) {
        found = true;
        counted.add(i);
      }
    if (!found) {
      missing.push(need.id);
      say(
        'documentation.missing',
        `Missing: ${need.label} (dated ${from} to ${reference}).`,
        rule
          ? { ...readingBasis([rule]), cites: [...cites(need.provenance), ...rule.basis.cites] }
          : stated(cites(need.provenance)),
      );
    }
  }
  // A document that did not count is listed with the reason, never silently dropped.
  const kinds = new Set(declared.map((d) => d.kind));
  const specialties = new Set(declared.map((d) => d.specialty));
  const ignored: Determination['documentation']['ignored'] = [];
  for (const [index, d] of req.documentation.entries()) {
    if (counted.has(index)) continue;
    const why = !kinds.has(d.kind)
      ? `kind \`${d.kind}\` is not one this policy reads (${[...kinds].join(', ') || 'none'})`
      : !specialties.has(d.specialty)
        ? `specialty \`${d.specialty}\` is not one this policy reads (${[...specialties].join(', ') || 'none'})`
        : d.date > reference
          ? `dated after the request date ${reference}`
          : requirements.length === 0
            ? 'no documentation is required of this request'
            : window && d.date < window.from
              ? `dated before the window (${window.from} to ${window.through})`
              : 'no requirement reads this kind and specialty together';
    ignored.push({ index, kind: d.kind, specialty: d.specialty, date: d.date, why });
  }
  if (ignored.length > 0)
    step('documentation.ignored', ignored.map((x) => `#${x.index}: ${x.why}`).join('; '));
  step(
    missing.length === 0 ? 'documentation.complete' : 'documentation.missing',
    missing.join(',') || `${requirements.length} requirement(s) met`,
  );
  return {
    complete: missing.length === 0,
    window,
    required: requirements.map((r) => r.id),
    missing,
    ignored,
  };
}
