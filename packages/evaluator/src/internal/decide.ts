/**
 * Builds a determination: the revision, the codes, the indications, then the
 * route, criteria and documentation from the revision's decision table (or,
 * with `table: false`, from the same functions called directly: a test holds
 * both equal).
 */
import type {
  LineOfBusiness,
  LoadedPolicy,
  LoadedRevision,
  ReadingsEdition,
  ReadingsSlice,
} from '@criteria/schema/core';
import { selectRevision } from '@criteria/temporal';
import { DETERMINATION_SCHEMA_VERSION } from '../constants.js';
import type { Determination, Route, TraceStep } from '../determination.js';
import type { EvaluateOptions } from '../evaluate.js';
import type { EvaluationRequest } from '../request.js';
import { cites, frozen, listed, reason, type Sink, stated, traceStep } from './basis.js';
import { criteriaOf } from './criteria.js';
import {
  checkDocumentation,
  type DocumentationRule,
  documentationOutcome,
  documentationRule,
  gatedRoute,
} from './documentation.js';
import {
  eachOnce,
  type ResolvedIndications,
  resolveIndications,
  resolveItems,
} from './indication.js';
import { compilePlan, planOf, policyPlanOf, type RevisionPlan, routeKeyId } from './plan.js';
import { appendDecision, mainIndication, noRevisionDecision, type RouteDecision } from './route.js';

export interface DecideMode {
  /** Use the revision's decision table (default); false calls the matches directly. */
  table: boolean;
}

const EVERYTHING_APPROVED = frozen(traceStep('knowledge-date', 'everything approved'));

/** The forced revision (impact analysis), if the caller names one. */
function forcedRevision(
  policy: LoadedPolicy,
  options: EvaluateOptions,
): LoadedRevision | undefined {
  return options.revision === undefined
    ? undefined
    : policyPlanOf(policy).byId.get(options.revision);
}

/** The documentation rule when no revision governs (nothing required), per line. */
const noRevisionRules = new Map<LineOfBusiness, DocumentationRule>();
function noRevisionRule(line: LineOfBusiness, table: boolean): DocumentationRule {
  if (!table) return documentationRule(null, null, line, true);
  let rule = noRevisionRules.get(line);
  if (rule === undefined) {
    rule = frozen(documentationRule(null, null, line, true));
    noRevisionRules.set(line, rule);
  }
  return rule;
}

/** The determination's `readings` field, shared per edition. */
const editionRefs = new WeakMap<ReadingsEdition, NonNullable<Determination['readings']>>();
function editionRef(
  edition: ReadingsEdition,
  table: boolean,
): NonNullable<Determination['readings']> {
  if (!table) return { edition: edition.edition, sha256: edition.sha256 };
  let ref = editionRefs.get(edition);
  if (ref === undefined) {
    ref = frozen({ edition: edition.edition, sha256: edition.sha256 });
    editionRefs.set(edition, ref);
  }
  return ref;
}

const codesStep = (codes: Determination['codes']): TraceStep =>
  traceStep(
    codes.inScope.length > 0 ? 'codes.in-scope' : 'codes.none-in-scope',
    `in ${listed(codes.inScope) || '-'}; out ${listed(codes.outOfScope) || '-'}`,
  );

/** Beyond this many codes the one-code steps stop being kept (requests may name any code). */
const MAX_CODE_STEPS = 4096;
// The codes step of a request naming one code (most do), per code and whether it is in scope.
const oneCodeSteps = [new Map<string, TraceStep>(), new Map<string, TraceStep>()] as const;
function oneCodeStep(code: string, inScope: boolean): TraceStep {
  const steps = oneCodeSteps[inScope ? 1 : 0];
  let step = steps.get(code);
  if (step === undefined) {
    step = frozen(
      codesStep(
        inScope
          ? { inScope: [code], outOfScope: [], deleted: [] }
          : { inScope: [], outOfScope: [code], deleted: [] },
      ),
    );
    if (steps.size < MAX_CODE_STEPS) steps.set(code, step);
  }
  return step;
}

/** What decides a request, with the trace and reasons written to `sink` when there is one. */
function core(
  policy: LoadedPolicy,
  req: EvaluationRequest,
  options: EvaluateOptions,
  forcedOne: LoadedRevision | undefined,
  edition: ReadingsEdition | null,
  mode: DecideMode,
  sink: Sink | null,
) {
  const asOf = req.asOf ?? req.requestDate ?? null;
  sink?.trace.push(
    asOf === null
      ? mode.table
        ? EVERYTHING_APPROVED
        : traceStep('knowledge-date', 'everything approved')
      : traceStep('knowledge-date', `revisions approved on or before ${asOf}`),
  );

  const forced = forcedOne !== undefined;
  const revision =
    forcedOne ?? selectRevision(policy.revisions, req.dateOfService, asOf ?? undefined);
  const p = revision
    ? mode.table
      ? planOf(revision, edition)
      : compilePlan(revision, edition, false)
    : null;
  if (sink) {
    if (p && forced) {
      sink.trace.push(traceStep('revision.forced', `${p.revision.id} (forced by the caller)`));
      sink.reasons.push(
        reason(
          'revision.forced',
          `Revision ${p.revision.id} is applied to ${req.dateOfService} because the caller forced it (impact analysis), not because the dates select it.`,
          stated(cites(p.revision.provenance)),
        ),
      );
    } else if (p) {
      const r = p.revision;
      sink.trace.push(p.selectedStep);
      sink.reasons.push(
        reason(
          'revision.selected',
          `Revision ${r.id} governs ${req.dateOfService}: it takes effect ${r.effectiveOn} (${r.effectiveOnBasis})${asOf ? ` and was approved by ${asOf}` : ''}.`,
          p.basis,
        ),
      );
    } else {
      sink.trace.push(
        traceStep('revision.none', `no revision of ${policy.id} governs ${req.dateOfService}`),
      );
    }
  }

  // The evaluator reads only the governing revision and its slice of one edition:
  // nothing below looks at another revision, so `asOf` matters only through `revision`.
  const slice = p?.slice ?? null;
  if (sink && p?.sliceStep) sink.trace.push(p.sliceStep);

  // Scope: the governing revision's codes; with none, every code the policy ever listed.
  const policyPlan = policyPlanOf(policy);
  const scope = p ? p.scope : policyPlan.scope;
  const unique = eachOnce(req.procedureCodes);
  const codes: Determination['codes'] = { inScope: [], outOfScope: [], deleted: [] };
  for (let i = 0; i < unique.length; i++) {
    const c = unique[i] as string;
    (scope.has(c) ? codes.inScope : codes.outOfScope).push(c);
  }
  const flags: Determination['flags'] = [];
  if (sink) {
    sink.trace.push(
      unique.length === 1 && mode.table
        ? oneCodeStep(unique[0] as string, codes.inScope.length > 0)
        : codesStep(codes),
    );
    for (let i = 0; i < unique.length; i++) {
      const code = unique[i] as string;
      const d = policyPlan.deleted.get(code);
      if (d === undefined) continue;
      codes.deleted.push({ code, on: d.on });
      flags.push(d.flag);
      sink.reasons.push(d.reason);
    }
  }

  const resolved = resolveIndications(req, slice ?? edition, sink, flags);
  let decision: RouteDecision;
  if (p === null) {
    if (sink) {
      const first = policy.revisions
        .filter((r) => asOf === null || r.approvedOn <= asOf)
        .map((r) => r.effectiveOn)
        .sort()[0];
      sink.reasons.push(
        reason(
          'revision.none',
          `No revision of ${policy.title} is in effect on ${req.dateOfService}${asOf ? ` as known on ${asOf}` : ''}${first ? `; the first takes effect ${first}` : ''}.`,
        ),
      );
    }
    decision = noRevisionDecision(resolved.items);
  } else {
    if (sink && codes.inScope.length === 0)
      sink.reasons.push(
        reason(
          'codes.none-in-scope',
          `None of the requested codes (${listed(codes.outOfScope)}) is in the scope of ${policy.title} under revision ${p.revision.id}.`,
        ),
      );
    decision = p.route({
      lineOfBusiness: req.lineOfBusiness,
      inScope: codes.inScope.length > 0,
      items: resolved.items,
      technique: resolved.technique,
    });
  }
  if (sink) appendDecision(sink, flags, decision);
  const route = decision.route;

  const criteria = criteriaPart(p, req.lineOfBusiness, req.dateOfService, options, route);
  if (sink) for (const r of criteria.reasons) sink.reasons.push(r);

  // The documents are checked by the caller: a determination lists what did not count
  // (checkDocumentation), an outcome only what is missing (documentationOutcome).
  const rule = p
    ? p.documentation(req.lineOfBusiness, gatedRoute(route))
    : noRevisionRule(req.lineOfBusiness, mode.table);
  return {
    asOf,
    revision,
    plan: p,
    route,
    codes,
    flags,
    resolved,
    decision,
    criteria,
    rule,
  };
}

/** The full determination of a valid request. */
export function decide(
  policy: LoadedPolicy,
  req: EvaluationRequest,
  options: EvaluateOptions,
  edition: ReadingsEdition | null,
  mode: DecideMode = { table: true },
): Determination {
  const sink: Sink = { trace: [], reasons: [] };
  const c = core(policy, req, options, forcedRevision(policy, options), edition, mode, sink);
  const documentation = checkDocumentation(c.rule, req, sink);
  return {
    schemaVersion: DETERMINATION_SCHEMA_VERSION,
    policy: policy.id,
    lineOfBusiness: req.lineOfBusiness,
    dateOfService: req.dateOfService,
    asOf: c.asOf,
    route: c.route,
    revision: c.plan ? c.plan.ref : null,
    readings: edition ? editionRef(edition, mode.table) : null,
    criteria: c.criteria.criteria,
    indication: mainIndication(c.decision, c.resolved),
    indications: c.decision.indications as Determination['indications'],
    flags: c.flags,
    codes: c.codes,
    documentation,
    reasons: sink.reasons,
    trace: sink.trace,
  };
}

/**
 * What an impact report reads of a determination, built without the rest (no
 * reasons, trace, flags or ignored documents).
 */
export interface Outcome {
  /** The governing revision's id; null when none governs. */
  revision: string | null;
  route: Route;
  /** The deciding indication as `indication` of a determination has it (without what the request gave); null when none. */
  indication: Omit<
    NonNullable<Determination['indication']>,
    'technique' | 'from' | 'fromDiagnoses' | 'conflict'
  > | null;
  criteria: Determination['criteria'];
  documentation: Omit<Determination['documentation'], 'ignored'>;
}

/** The outcome of a valid request: the same values as the determination's fields. */
export function outcome(
  policy: LoadedPolicy,
  req: EvaluationRequest,
  options: EvaluateOptions,
  edition: ReadingsEdition | null,
  mode: DecideMode = { table: true },
): Outcome {
  const c = core(policy, req, options, forcedRevision(policy, options), edition, mode, null);
  const main = c.decision.main;
  return {
    revision: c.revision?.id ?? null,
    route: c.route,
    indication: main && main.id !== null ? (main as Outcome['indication']) : null,
    criteria: c.criteria.criteria,
    documentation: documentationOutcome(c.rule, req),
  };
}

/**
 * The outcomes of a valid request under each of `revisions` (forced): each
 * equals what {@link outcome} gives for it with `options.revision` naming it (a
 * property test holds them equal), built the way comparing revisions over many requests wants it. Only
 * what an outcome reads is computed (whether any code is in scope, not the
 * code lists; the indications that route, not the diagnoses' list), and what
 * the revisions share is computed once: the indications after the hierarchy
 * depend only on the edition's shorthands and diagnosis map, which every
 * revision's slice of one edition shares.
 */
export function outcomesUnder(
  policy: LoadedPolicy,
  req: EvaluationRequest,
  revisions: readonly LoadedRevision[],
  options: EvaluateOptions,
  edition: ReadingsEdition | null,
): Outcome[] {
  const out: Outcome[] = [];
  const policyPlan = policyPlanOf(policy);
  // The request's fields read once: requests come in many shapes (optional fields come and
  // go), so each read is a megamorphic lookup.
  const line = req.lineOfBusiness;
  const date = req.dateOfService;
  const codes = req.procedureCodes;
  // The revisions that have any of the codes in scope, as bits (see PolicyPlan.scopeBits).
  let inScopeBits = 0;
  for (let i = 0; i < codes.length; i++)
    inScopeBits |= policyPlan.scopeBits.get(codes[i] as string) ?? 0;
  let keyId = -1;
  // The last documentation check, and the requirements it checked (DocumentationRule.checks).
  let checked: { checks: object; documentation: Outcome['documentation'] } | null = null;
  // The indications resolved for the last revision, and the readings they were resolved with.
  let resolved: Resolved | null = null;
  for (let k = 0; k < revisions.length; k++) {
    const p = planOf(revisions[k] as LoadedRevision, edition);
    const readings = p.slice ?? edition;
    if (
      resolved === null ||
      readings?.shorthands !== resolved.readings?.shorthands ||
      readings?.diagnosisMap !== resolved.readings?.diagnosisMap
    ) {
      const r = resolveItems(req, readings);
      resolved = { readings, items: r.items, technique: r.technique };
      keyId = routeKeyId(line, r.technique, r.items);
    }
    const bit = policyPlan.scopeBit.get(p.revision);
    const decision = p.routeById(
      keyId,
      line,
      bit === undefined ? anyIn(codes, p.scope) : (inScopeBits & bit) !== 0,
      resolved.items,
      resolved.technique,
    );
    const route = decision.route;
    const main = decision.main;
    const rule = p.documentation(line, gatedRoute(route));
    let documentation: Outcome['documentation'];
    if (checked === null || checked.checks !== rule.checks) {
      documentation = documentationOutcome(rule, req);
      checked = { checks: rule.checks, documentation };
    } else {
      // Checked for an earlier revision: this outcome gets its own window and missing list.
      const d = checked.documentation;
      documentation = {
        complete: d.complete,
        window: d.window && { from: d.window.from, through: d.window.through },
        required: rule.required as string[],
        missing: [...d.missing],
      };
    }
    out.push({
      revision: p.revision.id,
      route,
      indication: main && main.id !== null ? (main as Outcome['indication']) : null,
      criteria: criteriaPart(p, line, date, options, route).criteria,
      documentation,
    });
  }
  return out;
}

type Resolved = Pick<ResolvedIndications, 'items' | 'technique'> & {
  readings: Pick<ReadingsSlice, 'shorthands' | 'diagnosisMap'> | null;
};

/** Whether any of `codes` is in `scope`. */
function anyIn(codes: readonly string[], scope: ReadonlySet<string>): boolean {
  for (let i = 0; i < codes.length; i++) if (scope.has(codes[i] as string)) return true;
  return false;
}

/** The criteria part: from the table, unless a content provider locates content for this call. */
function criteriaPart(
  p: RevisionPlan | null,
  line: LineOfBusiness,
  date: string,
  options: EvaluateOptions,
  route: Route,
) {
  const part =
    p === null
      ? { criteria: [], reasons: [] }
      : options.contentProvider === undefined
        ? p.criteria(line, date)
        : criteriaOf(p.revision, line, date, options.contentProvider);
  return route === 'not-applicable' ? { criteria: part.criteria, reasons: [] } : part;
}
