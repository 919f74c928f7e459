import { type Determination, safeEvaluate } from '@criteria/evaluator';
import { Icd10CmSchema } from '@criteria/evaluator/schemas';
import type { LoadedPolicy } from '@criteria/schema';
import type { CrdLineOfBusiness } from '../member.js';
import { toEvaluatorRequest } from './evaluator-request.js';
import type { Coding } from './hook-request.js';
import type { OrderCode } from './orders.js';

export const COVERAGE_INFORMATION =
  'http://hl7.org/fhir/us/davinci-crd/StructureDefinition/ext-coverage-information';
/** Reason codes (CRD value set coverageAssertionReasons). */
export const CRD_TEMP = 'http://hl7.org/fhir/us/davinci-crd/CodeSystem/temp';
/** Detail codes (CRD value set coverageDetailNew). */
export const COVERAGE_DETAIL = 'http://terminology.hl7.org/CodeSystem/crd-coverage-detail';

export type Covered = 'covered' | 'not-covered' | 'conditional' | 'indeterminate';
export type PaNeeded =
  | 'no-auth'
  | 'auth-needed'
  | 'satisfied'
  | 'performpa'
  | 'conditional'
  | 'indeterminate';

/** Why an outcome was reached: a route of the evaluator, or a gate before it. */
export type OutcomeKind =
  | 'criteria-review'
  | 'medical-director-review'
  | 'review-route-unresolved'
  | 'no-criteria-here'
  | 'code-check'
  | 'no-procedure-code'
  | 'technical'
  | 'no-member-found'
  | 'no-active-coverage';

export interface Detail {
  category: 'cat-limitation' | 'cat-decisional' | 'cat-other';
  code: string;
  value: { url: string } | { string: string };
  qualification?: string;
}

export interface ContactDetail {
  name?: string;
  telecom: { system: 'phone' | 'url' | 'email'; value: string }[];
}

/** One coverage-information repetition before it becomes FHIR. */
export interface Outcome {
  kind: OutcomeKind;
  covered: Covered;
  paNeeded?: PaNeeded;
  docNeeded?: 'clinical';
  docPurpose?: 'withpa';
  infoNeeded?: 'OTH';
  billingCodes: Coding[];
  reasons: { coding?: Coding; text: string }[];
  details: Detail[];
  contact?: ContactDetail;
  /** The determinations behind it (one per line of business evaluated). */
  determinations: Determination[];
}

/** A deployment's code-check table entry: its answer for a code no criteria here decide. */
export interface CodeCheckEntry {
  paNeeded: 'no-auth' | 'auth-needed' | 'performpa';
  covered?: 'covered' | 'not-covered';
  /** Shown as the reason text. */
  text: string;
}

export interface OutcomeOptions {
  policy: LoadedPolicy;
  hook: string;
  /** The day of the call in the plan's time zone. */
  decisionDate: string;
  /** URL of a revision's page, from its policy and revision ids. */
  policyLink: (policy: string, revision: string) => string;
  contact: ContactDetail | undefined;
  /** Keyed by code (`77385`) or `system|code`. */
  codeCheck: Readonly<Record<string, CodeCheckEntry>>;
}

export interface OrderInput {
  codes: OrderCode[];
  /** Codings on the order that are not CPT/HCPCS (for the text when there is no procedure code). */
  otherCodings: Coding[];
  diagnoses: string[];
  dateOfService: string;
  /** Null: unknown, both lines are evaluated. */
  lineOfBusiness: CrdLineOfBusiness | null;
}

const LINES: CrdLineOfBusiness[] = ['medicare', 'non-medicare'];
const CODE_CHECK_TEXT = "see the plan's Pre-authorization Code Check";

const codeList = (codes: readonly string[]) => codes.join(', ');

const codeCheckEntry = (
  table: Readonly<Record<string, CodeCheckEntry>>,
  c: OrderCode,
): CodeCheckEntry | undefined => table[`${c.coding.system}|${c.code}`] ?? table[c.code];

/** Outcomes for codes no criteria here decide: the code-check table's answer, else indeterminate. */
const codeCheckOutcomes = (
  codes: OrderCode[],
  dateOfService: string,
  opts: OutcomeOptions,
  why: string,
  determinations: Determination[],
): Outcome[] => {
  const out: Outcome[] = [];
  const unknown: OrderCode[] = [];
  const byAnswer = new Map<string, { entry: CodeCheckEntry; codes: OrderCode[] }>();
  for (const c of codes) {
    const entry = codeCheckEntry(opts.codeCheck, c);
    if (!entry) {
      unknown.push(c);
      continue;
    }
    const key = JSON.stringify(entry);
    const group = byAnswer.get(key) ?? { entry, codes: [] };
    group.codes.push(c);
    byAnswer.set(key, group);
  }
  for (const { entry, codes: group } of byAnswer.values()) {
    const covered = entry.covered ?? 'covered';
    out.push({
      kind: 'code-check',
      covered,
      ...(covered === 'not-covered' ? {} : { paNeeded: entry.paNeeded }),
      billingCodes: group.map((c) => c.coding),
      reasons: [{ text: entry.text }],
      details: [],
      determinations,
    });
  }
  if (unknown.length > 0) {
    out.push({
      kind: 'no-criteria-here',
      covered: 'indeterminate',
      paNeeded: 'indeterminate',
      billingCodes: unknown.map((c) => c.coding),
      reasons: [
        {
          text: `No clinical review criteria here for ${codeList(unknown.map((c) => c.code))} on ${dateOfService} (${why}); ${CODE_CHECK_TEXT}.`,
        },
      ],
      details: [],
      determinations,
    });
  }
  return out;
};

const ROUTE_TEXT = {
  'criteria-review': 'criteria review',
  'medical-director-review': 'medical director review',
} as const;

const missingNotes = (d: Determination): string[] =>
  d.reasons
    .filter((r) => r.rule === 'documentation.missing')
    .map((r) => r.text.replace(/^Missing: /, '').replace(/\.$/, ''));

const criteriaText = (d: Determination): string =>
  d.criteria
    .filter((c) => c.applied)
    .map((c) => `${c.kind} ${c.id} (${c.title})`)
    .join('; ');

/** The outcome for codes the policy covers, from the determination(s) of one or both lines. */
const reviewOutcome = (
  input: OrderInput,
  inScope: OrderCode[],
  determinations: Determination[],
  opts: OutcomeOptions,
): Outcome => {
  const first = determinations[0] as Determination;
  const routes = [...new Set(determinations.map((d) => d.route))];
  const noDiagnosis = input.diagnoses.length === 0;
  const agreed = routes.length === 1 && !noDiagnosis;
  const revision = first.revision;
  const title = opts.policy.title;
  const reasons: Outcome['reasons'] = [];
  if (agreed) {
    const route = first.route as keyof typeof ROUTE_TEXT;
    const indication = first.indication?.label ?? first.indication?.id;
    reasons.push({
      text: `Prior authorization: ${ROUTE_TEXT[route]} under ${title}, revision ${revision?.id}${indication ? ` (${indication})` : ''}.`,
    });
  } else if (noDiagnosis) {
    reasons.push({
      text: `Prior authorization is needed under ${title}, revision ${revision?.id}; the review route (criteria review or medical director review) depends on the diagnosis: add an ICD-10-CM reason to the order.`,
    });
  } else {
    const parts = determinations.map(
      (d, i) => `${LINES[i]}: ${ROUTE_TEXT[d.route as keyof typeof ROUTE_TEXT] ?? d.route}`,
    );
    reasons.push({
      text: `The line of business is not known and the routes differ (${parts.join('; ')}); prior authorization is needed under ${title}, revision ${revision?.id} either way.`,
    });
  }
  const allOverride = inScope.map((c) => codeCheckEntry(opts.codeCheck, c));
  const override =
    allOverride.every((e) => e !== undefined) &&
    new Set(allOverride.map((e) => e?.paNeeded)).size === 1
      ? allOverride[0]
      : undefined;
  const paNeeded: PaNeeded = override?.paNeeded ?? 'auth-needed';
  if (override) reasons.push({ text: override.text });
  const details: Detail[] = [];
  if (revision) {
    details.push({
      category: 'cat-other',
      code: 'policy-link',
      value: { url: opts.policyLink(first.policy, revision.id) },
      qualification: `${title}, revision ${revision.id} (sha256 ${revision.sha256}); criteria: ${
        [...new Set(determinations.map(criteriaText))].join(' / ') || 'none stated'
      }`,
    });
  }
  const withDocs = paNeeded === 'auth-needed' && opts.hook !== 'order-select';
  const notes = [...new Set(determinations.flatMap(missingNotes))];
  if (withDocs && notes.length > 0) {
    details.push({
      category: 'cat-other',
      code: 'instructions',
      value: { string: `Send with the prior authorization request: ${notes.join('; ')}.` },
    });
  }
  return {
    kind: agreed
      ? (first.route as 'criteria-review' | 'medical-director-review')
      : 'review-route-unresolved',
    covered: agreed ? 'covered' : 'conditional',
    paNeeded,
    ...(withDocs ? { docNeeded: 'clinical' as const, docPurpose: 'withpa' as const } : {}),
    ...(agreed ? {} : { infoNeeded: 'OTH' as const }),
    billingCodes: inScope.map((c) => c.coding),
    reasons,
    details,
    ...(opts.contact ? { contact: opts.contact } : {}),
    determinations,
  };
};

/**
 * The coverage-information outcomes for one order and one coverage: one per
 * outcome, each with its billing codes (DESIGN section 8).
 */
export const outcomesForOrder = (input: OrderInput, opts: OutcomeOptions): Outcome[] => {
  if (input.codes.length === 0) {
    const stated = input.otherCodings.map((c) => `${c.system ?? '?'}|${c.code ?? '?'}`).join(', ');
    return [
      {
        kind: 'no-procedure-code',
        covered: 'indeterminate',
        paNeeded: 'indeterminate',
        billingCodes: [],
        reasons: [
          {
            text: `No CPT or HCPCS code on this order${stated ? ` (codes: ${stated})` : ''}: no clinical review criteria here can be matched to it; ${CODE_CHECK_TEXT}.`,
          },
        ],
        details: [],
        determinations: [],
      },
    ];
  }
  const diagnoses = input.diagnoses.filter((d) => Icd10CmSchema.safeParse(d).success);
  const lines = input.lineOfBusiness ? [input.lineOfBusiness] : LINES;
  const determinations = lines.map((lineOfBusiness) => {
    const result = safeEvaluate(
      opts.policy,
      toEvaluatorRequest({
        policy: opts.policy.id,
        lineOfBusiness,
        dateOfService: input.dateOfService,
        decisionDate: opts.decisionDate,
        procedureCodes: input.codes.map((c) => c.code),
        diagnoses,
      }),
    );
    if (!result.ok) {
      throw new Error(
        `evaluator refused a request built by the service: ${result.issues.map((i) => i.message).join('; ')}`,
      );
    }
    return result.value;
  });
  const first = determinations[0] as Determination;
  if (first.route === 'not-applicable' || first.route === 'no-criteria-in-effect') {
    const why =
      first.route === 'not-applicable'
        ? `no code in the scope of ${opts.policy.title} on that date`
        : `no revision of ${opts.policy.title} in effect on that date`;
    return codeCheckOutcomes(input.codes, input.dateOfService, opts, why, determinations);
  }
  const inScopeCodes = new Set(first.codes.inScope);
  const inScope = input.codes.filter((c) => inScopeCodes.has(c.code));
  const outOfScope = input.codes.filter((c) => !inScopeCodes.has(c.code));
  const outcomes = [reviewOutcome({ ...input, diagnoses }, inScope, determinations, opts)];
  if (outOfScope.length > 0) {
    outcomes.push(
      ...codeCheckOutcomes(
        outOfScope,
        input.dateOfService,
        opts,
        `not in the scope of ${opts.policy.title} on that date`,
        determinations,
      ),
    );
  }
  return outcomes;
};

/** Outcome when the EHR's FHIR server could not give data the answer needs. */
export const technicalOutcome = (text: string): Outcome => ({
  kind: 'technical',
  covered: 'indeterminate',
  paNeeded: 'indeterminate',
  billingCodes: [],
  reasons: [{ coding: { system: CRD_TEMP, code: 'technical', display: 'Technical issues' }, text }],
  details: [],
  determinations: [],
});

/** Outcome for a member the configured member lookup does not know. */
export const noMemberOutcome = (): Outcome => ({
  kind: 'no-member-found',
  covered: 'not-covered',
  billingCodes: [],
  reasons: [
    {
      coding: { system: CRD_TEMP, code: 'no-member-found', display: 'Member not found' },
      text: 'The member lookup found no member for this patient and coverage.',
    },
  ],
  details: [],
  determinations: [],
});

/** Outcome for a coverage not in force on the date of service. */
export const noActiveCoverageOutcome = (dateOfService: string): Outcome => ({
  kind: 'no-active-coverage',
  covered: 'not-covered',
  billingCodes: [],
  reasons: [
    {
      coding: { system: CRD_TEMP, code: 'no-active-coverage', display: 'Coverage not active' },
      text: `The coverage is not active on the date of service ${dateOfService}.`,
    },
  ],
  details: [],
  determinations: [],
});

/** The FHIR `ext-coverage-information` extension for one outcome. */
export const toExtension = (
  o: Outcome,
  ctx: { coverage: Record<string, unknown>; date: string; assertionId: string },
): Record<string, unknown> => {
  const ext: Record<string, unknown>[] = [
    { url: 'coverage', valueReference: ctx.coverage },
    { url: 'covered', valueCode: o.covered },
  ];
  if (o.paNeeded) ext.push({ url: 'pa-needed', valueCode: o.paNeeded });
  if (o.docNeeded) ext.push({ url: 'doc-needed', valueCode: o.docNeeded });
  if (o.docPurpose) ext.push({ url: 'doc-purpose', valueCode: o.docPurpose });
  if (o.infoNeeded) ext.push({ url: 'info-needed', valueCode: o.infoNeeded });
  for (const c of o.billingCodes) ext.push({ url: 'billingCode', valueCoding: c });
  for (const r of o.reasons) {
    ext.push({
      url: 'reason',
      valueCodeableConcept: { ...(r.coding ? { coding: [r.coding] } : {}), text: r.text },
    });
  }
  for (const d of o.details) {
    ext.push({
      url: 'detail',
      extension: [
        { url: 'category', valueCode: d.category },
        {
          url: 'code',
          valueCodeableConcept: { coding: [{ system: COVERAGE_DETAIL, code: d.code }] },
        },
        'url' in d.value
          ? { url: 'value', valueUrl: d.value.url }
          : { url: 'value', valueString: d.value.string },
        ...(d.qualification ? [{ url: 'qualification', valueString: d.qualification }] : []),
      ],
    });
  }
  ext.push({ url: 'date', valueDate: ctx.date });
  ext.push({ url: 'coverage-assertion-id', valueString: ctx.assertionId });
  if (o.contact) ext.push({ url: 'contact', valueContactDetail: o.contact });
  return { url: COVERAGE_INFORMATION, extension: ext };
};
