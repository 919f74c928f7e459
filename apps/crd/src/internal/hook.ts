import type { LoadedPolicy } from '@criteria/schema';
import {
  type CrdLineOfBusiness,
  type LineOfBusinessBasis,
  lineOfBusinessFromCoverage,
  type MemberLookup,
} from '../member.js';
import type { StoredAssertion } from '../store.js';
import {
  COVERAGE_INFORMATION,
  type CodeCheckEntry,
  type ContactDetail,
  noActiveCoverageOutcome,
  noMemberOutcome,
  type Outcome,
  outcomesForOrder,
  technicalOutcome,
  toExtension,
} from './coverage-information.js';
import { FhirFetchError, fhirGet } from './fhir-client.js';
import {
  asArray,
  asObject,
  type HookRequest,
  isResource,
  type Resource,
  referenceTail,
  refOf,
  resourcesOf,
} from './hook-request.js';
import {
  allCodings,
  diagnoses,
  insuranceRefs,
  isOrder,
  procedureCodes,
  statedDateOfService,
} from './orders.js';

export interface PayerIdentity {
  /** Organization references (`Organization/x` or absolute URLs) that are this payer. */
  organizations?: string[];
  identifiers?: { system?: string; value: string }[];
}

export interface HookDeps {
  policy: LoadedPolicy;
  /** The day of the call in the plan's time zone (YYYY-MM-DD). */
  today: () => string;
  newId: () => string;
  memberHash: (text: string) => string;
  memberLookup?: MemberLookup | undefined;
  coverageClassMap: Readonly<Record<string, CrdLineOfBusiness>>;
  codeCheck: Readonly<Record<string, CodeCheckEntry>>;
  payer?: PayerIdentity | undefined;
  policyLink: (policy: string, revision: string) => string;
  contact?: ContactDetail | undefined;
  fhirTimeoutMs: number;
  /** Label shown as a card's source. */
  sourceLabel: string;
}

export interface OperationOutcome {
  resourceType: 'OperationOutcome';
  issue: { severity: 'error'; code: string; diagnostics: string }[];
}

export type HookAnswer =
  | {
      status: 200;
      body: { cards: unknown[]; systemActions: unknown[] };
      assertions: StoredAssertion[];
    }
  | { status: 400; body: OperationOutcome; assertions: [] };

export const operationOutcome = (code: string, diagnostics: string): OperationOutcome => ({
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code, diagnostics }],
});

const bad = (diagnostics: string): HookAnswer => ({
  status: 400,
  body: operationOutcome('invalid', diagnostics),
  assertions: [],
});

const CARD_TYPE = 'http://terminology.hl7.org/CodeSystem/cdshooks-card-type';

const isOurs = (coverage: Resource, payer: PayerIdentity | undefined): boolean => {
  if (!payer || (!payer.organizations?.length && !payer.identifiers?.length)) return true;
  return asArray(coverage.payor).some((p) => {
    const ref = asObject(p);
    const reference = ref?.reference;
    if (
      typeof reference === 'string' &&
      payer.organizations?.some((o) => referenceTail(o) === referenceTail(reference))
    ) {
      return true;
    }
    const id = asObject(ref?.identifier);
    return (
      payer.identifiers?.some(
        (i) => i.value === id?.value && (i.system === undefined || i.system === id?.system),
      ) ?? false
    );
  });
};

const activeOn = (coverage: Resource, date: string): boolean => {
  if (coverage.status === 'cancelled' || coverage.status === 'entered-in-error') return false;
  const period = asObject(coverage.period);
  const start = typeof period?.start === 'string' ? period.start.slice(0, 10) : undefined;
  const end = typeof period?.end === 'string' ? period.end.slice(0, 10) : undefined;
  return (start === undefined || start <= date) && (end === undefined || date <= end);
};

const summaryOf = (text: string) => (text.length < 140 ? text : `${text.slice(0, 138)}…`);

/**
 * Answers one CDS Hooks call of a CRD service: finds the orders, the coverage
 * and the line of business, evaluates, and puts one `update` system action on
 * each order with its coverage-information. Nothing is stored here: the caller
 * stores the returned assertions before it sends the answer.
 */
export const answerHook = async (req: HookRequest, deps: HookDeps): Promise<HookAnswer> => {
  const config = asObject(req.extension?.['davinci-crd.configuration']) ?? {};
  if (config['coverage-info'] === false)
    return { status: 200, body: { cards: [], systemActions: [] }, assertions: [] };
  const today = deps.today();
  const context = req.context as Record<string, unknown>;
  const pool = new Map<string, Resource>();
  const addAll = (value: unknown) => {
    for (const r of resourcesOf(value))
      if (r.id !== undefined && !pool.has(refOf(r))) pool.set(refOf(r), r);
  };
  for (const v of Object.values(req.prefetch ?? {})) addAll(v);
  const token = req.fhirAuthorization?.access_token;
  const fetchFromEhr = async (path: string) => {
    if (!req.fhirServer) throw new FhirFetchError('the request names no fhirServer to read from');
    return fhirGet(req.fhirServer, path, token, deps.fhirTimeoutMs);
  };
  let technical: string | undefined;

  // The orders.
  let orders: Resource[] = [];
  const unread: string[] = [];
  if (req.hook === 'order-dispatch') {
    const refs = asArray(context.dispatchedOrders).filter(
      (r): r is string => typeof r === 'string',
    );
    for (const ref of refs) {
      const found = pool.get(referenceTail(ref));
      if (found) {
        orders.push(found);
        continue;
      }
      try {
        const r = await fetchFromEhr(referenceTail(ref));
        orders.push(r);
      } catch (e) {
        if (!(e instanceof FhirFetchError)) throw e;
        unread.push(ref);
      }
    }
  } else if (req.hook === 'appointment-book') {
    orders = resourcesOf(context.appointments);
  } else {
    orders = resourcesOf(context.draftOrders);
    const selections = asArray(context.selections).filter(
      (s): s is string => typeof s === 'string',
    );
    if (req.hook === 'order-select' && selections.length > 0) {
      const wanted = new Set(selections.map(referenceTail));
      orders = orders.filter((o) => wanted.has(refOf(o)));
    }
  }
  orders = orders.filter(isOrder);
  for (const o of orders) addAll(o);
  if (orders.length === 0 && unread.length === 0) {
    return bad(
      `no order in context (${req.hook}): expected FHIR order resources in ${req.hook === 'order-dispatch' ? 'dispatchedOrders' : req.hook === 'appointment-book' ? 'appointments' : 'draftOrders'}`,
    );
  }

  // The coverage.
  let coverages = [...pool.values()].filter((r) => r.resourceType === 'Coverage');
  if (coverages.length === 0 && !req.fhirServer) {
    return bad(
      'no Coverage in the prefetch (key `coverage`) and no fhirServer to read one from: coverage information needs one',
    );
  }
  if (coverages.length === 0) {
    const patientId = req.context.patientId;
    try {
      if (!patientId)
        throw new FhirFetchError('the request names no patient to read the coverage of');
      const bundle = await fetchFromEhr(
        `Coverage?patient=${encodeURIComponent(patientId)}&status=active`,
      );
      coverages = resourcesOf(bundle).filter((r) => r.resourceType === 'Coverage');
      for (const c of coverages) pool.set(refOf(c), c);
    } catch (e) {
      if (!(e instanceof FhirFetchError)) throw e;
      technical = `The coverage could not be read: ${e.message}. Try again; if it persists, ask the plan.`;
    }
  }
  const ours = coverages.filter((c) => isOurs(c, deps.payer));
  if (!technical && coverages.length > 0 && ours.length === 0) {
    return bad('the Coverage in the request belongs to another payer');
  }
  if (!technical && ours.length === 0) {
    return bad(
      'no Coverage in the prefetch (key `coverage`) and none on the EHR for the patient: coverage information needs one',
    );
  }

  // The patient, for a member lookup.
  let patient = [...pool.values()].find(
    (r) =>
      r.resourceType === 'Patient' &&
      (req.context.patientId === undefined || r.id === req.context.patientId),
  );
  if (deps.memberLookup && !patient && !technical && req.context.patientId) {
    try {
      patient = await fetchFromEhr(`Patient/${encodeURIComponent(req.context.patientId)}`);
    } catch (e) {
      if (!(e instanceof FhirFetchError)) throw e;
      technical = `The patient could not be read: ${e.message}.`;
    }
  }

  const maxCards = typeof config['max-cards'] === 'number' ? config['max-cards'] : 10;
  const wantGuideline = config.guideline !== false;
  const cards: Record<string, unknown>[] = [];
  const systemActions: unknown[] = [];
  const assertions: StoredAssertion[] = [];
  for (const order of orders) {
    const dateOfService = statedDateOfService(order) ?? today;
    const refs = insuranceRefs(order);
    const named = ours.filter((c) => refs.includes(refOf(c)));
    const targets: { ref: Record<string, unknown>; coverage: Resource | undefined }[] = (
      named.length > 0 ? named : ours
    ).map((c) => ({ ref: { reference: refOf(c) }, coverage: c }));
    if (targets.length === 0) {
      const first = asObject(asArray(order.insurance)[0]);
      targets.push({
        ref:
          typeof first?.reference === 'string'
            ? { reference: first.reference }
            : { display: 'coverage not read from the EHR' },
        coverage: undefined,
      });
    }
    const extensions: Record<string, unknown>[] = [];
    for (const { ref, coverage } of targets) {
      const id = deps.newId();
      let outcomes: Outcome[];
      let lineOfBusiness: CrdLineOfBusiness | null = null;
      let basis: LineOfBusinessBasis = 'unknown';
      if (technical || !coverage) {
        outcomes = [technicalOutcome(technical ?? 'The coverage could not be read from the EHR.')];
      } else if (!activeOn(coverage, dateOfService)) {
        outcomes = [noActiveCoverageOutcome(dateOfService)];
      } else {
        let memberFound = true;
        if (deps.memberLookup) {
          const found = await deps.memberLookup.find({ patient, coverage });
          if (found.status === 'not-found') memberFound = false;
          else if (found.lineOfBusiness) {
            lineOfBusiness = found.lineOfBusiness;
            basis = 'member-lookup';
          }
        }
        if (!memberFound) {
          outcomes = [noMemberOutcome()];
        } else {
          if (!lineOfBusiness) {
            const fromCoverage = lineOfBusinessFromCoverage(coverage, deps.coverageClassMap);
            if (fromCoverage) {
              lineOfBusiness = fromCoverage.lineOfBusiness;
              basis = fromCoverage.basis;
            }
          }
          outcomes = outcomesForOrder(
            {
              codes: procedureCodes(order),
              otherCodings: allCodings(order),
              diagnoses: diagnoses(order, (tail) => pool.get(tail)),
              dateOfService,
              lineOfBusiness,
            },
            {
              policy: deps.policy,
              hook: req.hook,
              decisionDate: today,
              policyLink: deps.policyLink,
              contact: deps.contact,
              codeCheck: deps.codeCheck,
            },
          );
        }
      }
      const exts = outcomes.map((o) =>
        toExtension(o, { coverage: ref, date: today, assertionId: id }),
      );
      extensions.push(...exts);
      const determination = outcomes.flatMap((o) => o.determinations)[0];
      assertions.push({
        id,
        hook: req.hook,
        hookInstance: req.hookInstance,
        order: refOf(order),
        policy: deps.policy.id,
        revisionId: determination?.revision?.id ?? null,
        revisionSha256: determination?.revision?.sha256 ?? null,
        readingsEdition: readingsOf(determination)?.edition ?? null,
        readingsSha256: readingsOf(determination)?.sha256 ?? null,
        route: [...new Set(outcomes.map((o) => o.kind))].join('+'),
        lineOfBusiness,
        lineOfBusinessBasis: basis,
        codes: procedureCodes(order).map((c) => c.code),
        dateOfService,
        decisionDate: today,
        memberKeyedHash: deps.memberHash(`${req.context.patientId ?? ''}|${JSON.stringify(ref)}`),
        coverageInformation: exts,
      });
      const review = outcomes.find(
        (o) =>
          o.kind === 'criteria-review' ||
          o.kind === 'medical-director-review' ||
          o.kind === 'review-route-unresolved',
      );
      const link = review?.details.find((d) => d.code === 'policy-link');
      if (review && wantGuideline && cards.length < maxCards && link && 'url' in link.value) {
        cards.push({
          uuid: deps.newId(),
          summary: summaryOf(
            `${deps.policy.title}: prior authorization needed for ${review.billingCodes.map((c) => c.code).join(', ')}`,
          ),
          detail: review.reasons.map((r) => r.text).join('\n\n'),
          indicator: 'info',
          source: {
            label: deps.sourceLabel,
            topic: { system: CARD_TYPE, code: 'guideline', display: 'Guideline' },
          },
          links: [{ label: 'The criteria revision', url: link.value.url, type: 'absolute' }],
        });
      }
    }
    const replaced = new Set(targets.map((t) => JSON.stringify(t.ref)));
    const kept = asArray(order.extension).filter((e) => {
      const ext = asObject(e);
      if (ext?.url !== COVERAGE_INFORMATION) return true;
      const cov = asArray(ext.extension)
        .map(asObject)
        .find((x) => x?.url === 'coverage');
      return !replaced.has(JSON.stringify(cov?.valueReference));
    });
    systemActions.push({
      type: 'update',
      description: `Coverage information for ${refOf(order)}`,
      resource: { ...order, extension: [...kept, ...extensions] },
    });
  }
  for (const ref of unread) {
    if (cards.length >= maxCards) break;
    cards.push({
      uuid: deps.newId(),
      summary: summaryOf(
        `No coverage information for ${ref}: the order could not be read from the EHR`,
      ),
      indicator: 'warning',
      source: {
        label: deps.sourceLabel,
        topic: { system: CARD_TYPE, code: 'coverage-info', display: 'Coverage Information' },
      },
    });
  }
  return { status: 200, body: { cards, systemActions }, assertions };
};

/** The readings edition a determination names, once the evaluator reports one. */
const readingsOf = (d: unknown): { edition: string; sha256: string } | undefined => {
  const r = asObject(asObject(d)?.readings);
  return typeof r?.edition === 'string' && typeof r.sha256 === 'string'
    ? { edition: r.edition, sha256: r.sha256 }
    : undefined;
};

export { isResource };
