/**
 * The fixture policy: "Widget Therapy" of a fictional plan, small but with every shape the
 * engine handles (four revisions, a deleted code, a stated 60-day notice with a later
 * effective date, a retired criteria source, indications on both review routes, documentation
 * rules, a diagnosis map). Its citations point at `fixtureSource`, and each is true of it.
 * Nothing here is a clinical fact; tests of the engine use it so they know no real policy.
 */
import {
  contentHash,
  definePolicy,
  type LoadedPolicy,
  type LoadedRevision,
  type PolicyWithReadingsInput as PolicyInput,
  type RevisionInput,
  RevisionSchema,
} from '@criteria/schema';
import { FIXTURE_SOURCE_PATH } from './source.js';

type Code = RevisionInput['codes'][number];
type Source = RevisionInput['criteria']['medicare']['sources'][number];
type Indication = RevisionInput['indications'][number];
type Doc = RevisionInput['documentation'][number];

/** A citation of the fixture source: `quote` is on `line` (1-based). */
export const cite = (line: number, quote: string) => ({ cites: [{ line, quote }] });

export const codes = {
  c1: {
    code: '10001',
    system: 'CPT',
    label: 'Widget plan',
    provenance: cite(3, '10001 widget plan'),
  },
  c2: {
    code: '10002',
    system: 'CPT',
    label: 'Widget delivery',
    provenance: cite(3, '10002 widget delivery'),
  },
  c3: {
    code: '10003',
    system: 'CPT',
    label: 'Old widget delivery',
    deleted: { provenance: cite(4, 'deleted code 10003') },
    provenance: cite(4, 'Code 10003 old widget delivery'),
  },
  h1: {
    code: 'Z0001',
    system: 'HCPCS',
    label: 'Widget session',
    provenance: cite(3, 'Z0001 widget session'),
  },
} satisfies Record<string, Code>;

export const sources = {
  lcdA: {
    kind: 'lcd',
    id: 'L00001',
    title: 'Widget therapy',
    content: { provider: 'cms', key: 'L00001', licensed: false },
    provenance: cite(5, 'LCD L00001 Widget therapy'),
  },
  lcdB: {
    kind: 'lcd',
    id: 'L00002',
    title: 'Widget therapy (old)',
    content: { provider: 'cms', key: 'L00002', licensed: false },
    provenance: cite(5, 'LCD L00002 Widget therapy (old)'),
  },
  articleA: {
    kind: 'billing-article',
    id: 'A00001',
    title: 'Billing: widget therapy',
    content: { provider: 'cms', key: 'A00001', licensed: false },
    provenance: cite(6, 'article A00001 Billing: widget therapy'),
  },
  articleB: {
    kind: 'billing-article',
    id: 'A00002',
    title: 'Billing and coding: widget therapy',
    retirement: {
      on: '2022-03-01',
      stillApplied: true,
      provenance: cite(6, 'retired 03/01/2022 and still applied'),
    },
    content: { provider: 'cms', key: 'A00002', licensed: false },
    provenance: cite(6, 'article A00002 Billing and coding: widget therapy'),
  },
  plan: {
    kind: 'plan-criteria',
    id: 'plan-widget',
    title: 'Plan criteria for widget therapy',
    content: { provider: 'plan', key: 'widget', licensed: false },
    provenance: cite(7, 'plan-widget, plan criteria for widget therapy'),
  },
  guideline: {
    kind: 'mcg-guideline',
    id: 'G-0001',
    title: 'Widget therapy guideline',
    edition: '2022-01-01',
    content: { provider: 'guide', key: 'G-0001@2022-01-01', licensed: true },
    provenance: cite(7, 'guideline G-0001 Widget therapy guideline, edition 01/01/2022'),
  },
} satisfies Record<string, Source>;

export const indications = {
  alpha: {
    id: 'condition-alpha',
    label: 'Condition alpha',
    namedIn: '2020-02-04',
    provenance: cite(13, 'Adds condition alpha'),
  },
  /** Condition alpha as revision 2022-03-02 cites it (its route there is a reading of the edition). */
  alphaReview: {
    id: 'condition-alpha',
    label: 'Condition alpha',
    namedIn: '2020-02-04',
    provenance: cite(15, 'condition alpha needs medical director review'),
  },
  beta: {
    id: 'condition-beta',
    label: 'Condition beta',
    namedIn: '2022-03-02',
    provenance: cite(15, 'Adds condition beta'),
  },
  gamma: {
    id: 'condition-gamma',
    label: 'Condition gamma',
    namedIn: '2021-05-01',
    provenance: cite(14, 'Adds condition gamma, which needs medical director review'),
  },
} satisfies Record<string, Indication>;

export const documentation = {
  notesA: {
    id: 'notes-a',
    label: 'Notes from specialty A, last 6 months',
    kind: 'clinical-notes',
    specialty: 'specialty-a',
    lookbackMonths: 6,
    provenance: cite(9, 'notes from specialty A'),
  },
  notesB: {
    id: 'notes-b',
    label: 'Notes from specialty B, last 6 months',
    kind: 'clinical-notes',
    specialty: 'specialty-b',
    lookbackMonths: 6,
    provenance: cite(9, 'notes from specialty B'),
  },
} satisfies Record<string, Doc>;

const noNotice = (line: number): RevisionInput['notice'] => ({
  required: false,
  periodDays: null,
  basis: 'not-stated',
  provenance: {
    reading: `No notice is stated for this revision (line ${line}), so none is recorded.`,
  },
});

const first: RevisionInput = {
  id: '2020-01-07',
  approvedOn: '2020-01-07',
  effectiveOn: '2020-03-01',
  effectiveOnBasis: 'stated',
  provenance: {
    cites: [
      { line: 12, quote: '01/07/2020' },
      { line: 12, quote: 'Effective 03/01/2020' },
    ],
  },
  summary: 'Widget therapy criteria',
  notice: noNotice(12),
  codes: [codes.c1, codes.c2, codes.c3],
  criteria: {
    medicare: { sources: [sources.lcdB, sources.articleA], statedNone: [] },
    'non-medicare': { sources: [sources.plan] },
  },
  indications: [],
  unnamedIndications: [],
  documentation: [documentation.notesA, documentation.notesB],
};

/** Approved before the first took effect, and read as taking effect the same day. */
const second: RevisionInput = {
  ...first,
  id: '2020-02-04',
  approvedOn: '2020-02-04',
  effectiveOn: '2020-03-01',
  effectiveOnBasis: 'reading',
  provenance: {
    cites: [{ line: 13, quote: '02/04/2020' }],
    reading:
      'No effective date is stated: read as the day the revision it amends takes effect (03/01/2020, line 12), since it was approved before then.',
  },
  summary: 'Adds condition alpha; removes code 10003',
  notice: noNotice(13),
  codes: [codes.c1, codes.c2],
  indications: [indications.alpha],
};

/** No effective date stated: it takes effect on its approval date. */
const third: RevisionInput = {
  ...second,
  id: '2021-05-01',
  approvedOn: '2021-05-01',
  effectiveOn: '2021-05-01',
  effectiveOnBasis: 'assumed',
  provenance: {
    cites: [{ line: 14, quote: '05/01/2021' }],
    reading: 'No effective date is stated: it takes effect on its approval date.',
  },
  summary: 'Adds condition gamma, which needs medical director review',
  notice: noNotice(14),
  indications: [indications.alpha, indications.gamma],
};

/** A stated 60-day notice, effective 152 days after approval; restricts and expands. */
const fourth: RevisionInput = {
  ...third,
  id: '2022-03-02',
  approvedOn: '2022-03-02',
  effectiveOn: '2022-08-01',
  effectiveOnBasis: 'stated',
  provenance: {
    cites: [
      { line: 15, quote: '03/02/2022' },
      { line: 15, quote: 'effective 08/01/2022' },
    ],
  },
  summary: 'Adds condition beta; condition alpha needs medical director review',
  notice: {
    required: true,
    periodDays: 60,
    basis: 'stated',
    provenance: cite(15, 'Requires 60-day notice'),
  },
  codes: [codes.c1, codes.c2, codes.h1],
  criteria: {
    medicare: { sources: [sources.lcdA, sources.articleB], statedNone: [] },
    'non-medicare': { sources: [sources.plan, sources.guideline] },
  },
  indications: [indications.alphaReview, indications.beta, indications.gamma],
};

const input: PolicyInput = {
  id: 'widget',
  title: 'Widget Therapy',
  plan: 'Fixture Health Plan',
  planProvenance: cite(1, 'Fixture Health Plan'),
  sourceDocument: FIXTURE_SOURCE_PATH,
  record: {
    created: '2019-01-01',
    reviewedOn: ['2022-03-02'],
    lastRevised: '2022-03-02',
    reviewIntervalMonths: 12,
    provenance: cite(2, 'Last reviewed 03/02/2022'),
  },
  revisions: [first, second, third, fourth],
  readings: [
    {
      policy: 'widget',
      edition: '2022-06-01',
      readings: [
        {
          id: 'medicare-criteria-review',
          appliesTo: ['2020-01-07', '2020-02-04', '2021-05-01'],
          decides: { kind: 'line-route', line: 'medicare', route: 'criteria-review' },
          statement:
            'Medicare requests take criteria review whatever the indication, until 2022-03-02.',
          basis: {
            cites: [{ line: 8, quote: 'Indication rules apply to commercial members' }],
            reason: 'The indication rules reach Medicare members only from 03/02/2022.',
          },
        },
        {
          id: 'gamma-medical-director-review',
          appliesTo: ['2021-05-01', '2022-03-02'],
          decides: {
            kind: 'indication-route',
            indication: 'condition-gamma',
            route: 'medical-director-review',
          },
          statement: 'Condition gamma needs medical director review.',
          basis: {
            cites: [{ line: 14, quote: 'which needs medical director review' }],
            reason: 'The row that adds condition gamma says so.',
          },
        },
        {
          id: 'alpha-medical-director-review',
          appliesTo: ['2022-03-02'],
          decides: {
            kind: 'indication-route',
            indication: 'condition-alpha',
            route: 'medical-director-review',
          },
          statement: 'From 2022-03-02, condition alpha needs medical director review.',
          basis: {
            cites: [{ line: 15, quote: 'condition alpha needs medical director review' }],
            reason: 'The 2022-03-02 row says so.',
          },
        },
        {
          id: 'others-criteria-review',
          appliesTo: ['2020-01-07', '2020-02-04', '2021-05-01', '2022-03-02'],
          decides: { kind: 'default-route', route: 'criteria-review' },
          statement: 'Every other indication takes criteria review.',
          basis: { cites: [], reason: 'Fictional: the criteria decide.' },
        },
        {
          id: 'stricter-route-wins',
          appliesTo: ['2020-01-07', '2020-02-04', '2021-05-01', '2022-03-02'],
          decides: { kind: 'stricter-route-wins' },
          statement: 'Several indications: the stricter route wins.',
          basis: { cites: [], reason: 'Fictional: the stricter route loses no review.' },
        },
      ],
      derive: [
        {
          phrase: 'Adds condition',
          route: 'medical-director-review',
          reason: 'Fictional: what a row adds was not included before it.',
        },
      ],
      diagnosisMap: {
        note: 'Codes starting Z99 are condition beta (source line 10).',
        rows: [
          {
            prefix: 'Z99',
            indication: 'condition-beta',
            title: 'Fixture codes Z99',
            basis: {
              cites: [{ line: 10, quote: 'codes starting Z99 are condition beta' }],
              reason: 'The fixture source says so.',
            },
          },
        ],
      },
    },
  ],
};

/**
 * A deep copy with no shared objects (revisions reuse the same code, source and indication
 * objects, and structuredClone would keep them shared): editing one place edits only that place.
 */
const copyOf = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** A fresh copy of the fixture policy's raw data: edit it freely, into any shape. */
export const fixtureInput = (): PolicyInput => copyOf(input);

/** The fixture policy, validated and hashed. */
export const fixturePolicy: LoadedPolicy = definePolicy(fixtureInput());

/** The fixture policy after `edit` (applied to a fresh copy of its raw data). */
export function fixturePolicyWith(edit: (input: PolicyInput) => void): LoadedPolicy {
  const copy = fixtureInput();
  edit(copy);
  return definePolicy(copy);
}

/**
 * A fresh copy of one fixture revision's input (default the first), with `over` applied:
 * the variants a diff or notice test needs.
 *
 * @example
 * load(fixtureRevision({ codes: [codes.c1] }, '2022-03-02'));
 */
export function fixtureRevision(over: Partial<RevisionInput> = {}, id = first.id): RevisionInput {
  const found = input.revisions.find((r) => r.id === id);
  if (!found) throw new Error(`fixture revision \`${id}\` does not exist`);
  return { ...copyOf(found), ...over };
}

/** Validates and hashes a revision input, as `definePolicy` does. */
export const load = (revision: RevisionInput): LoadedRevision => {
  const parsed = RevisionSchema.parse(revision);
  return { ...parsed, sha256: contentHash(parsed) };
};
