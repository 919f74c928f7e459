/**
 * A made-up policy for the diff's own tests: the package knows no real policy,
 * so neither do its unit tests. Nothing here is a clinical fact.
 */
import {
  contentHash,
  type LoadedRevision,
  type RevisionInput,
  RevisionSchema,
} from '@criteria/schema';

type Input = RevisionInput;
type Code = Input['codes'][number];
type Source = Input['criteria']['medicare']['sources'][number];
type Indication = Input['indications'][number];
type Doc = Input['documentation'][number];

const cite = (quote: string) => ({ cites: [{ line: 1, quote }] });

export const codes = {
  c1: { code: '10001', system: 'CPT', label: 'Widget plan', provenance: cite('10001') },
  c2: { code: '10002', system: 'CPT', label: 'Widget delivery', provenance: cite('10002') },
  c3: {
    code: '10003',
    system: 'CPT',
    label: 'Old widget delivery',
    deleted: { provenance: cite('removed deleted code 10003') },
    provenance: cite('10003'),
  },
  h1: { code: 'Z0001', system: 'HCPCS', label: 'Widget session', provenance: cite('Z0001') },
} satisfies Record<string, Code>;

export const sources = {
  lcdA: {
    kind: 'lcd',
    id: 'L00001',
    title: 'Widget therapy',
    content: { provider: 'cms', key: 'L00001', licensed: false },
    provenance: cite('L00001'),
  },
  lcdB: {
    kind: 'lcd',
    id: 'L00002',
    title: 'Widget therapy (old)',
    content: { provider: 'cms', key: 'L00002', licensed: false },
    provenance: cite('L00002'),
  },
  articleA: {
    kind: 'billing-article',
    id: 'A00001',
    title: 'Billing: widget therapy',
    content: { provider: 'cms', key: 'A00001', licensed: false },
    provenance: cite('A00001'),
  },
  articleB: {
    kind: 'billing-article',
    id: 'A00002',
    title: 'Billing and coding: widget therapy',
    retirement: { on: '2022-03-01', stillApplied: true, provenance: cite('retired') },
    content: { provider: 'cms', key: 'A00002', licensed: false },
    provenance: cite('A00002'),
  },
  plan: {
    kind: 'plan-criteria',
    id: 'plan-widget',
    title: 'Plan criteria for widget therapy',
    content: { provider: 'plan', key: 'widget', licensed: false },
    provenance: cite('plan'),
  },
  guideline: {
    kind: 'mcg-guideline',
    id: 'G-0001',
    title: 'Widget therapy guideline',
    edition: '2022-01-01',
    content: { provider: 'guide', key: 'G-0001@2022-01-01', licensed: true },
    provenance: cite('G-0001'),
  },
} satisfies Record<string, Source>;

export const indications = {
  alpha: {
    id: 'condition-alpha',
    label: 'Condition alpha',
    namedIn: '2019-01-01',
    requires: 'criteria-review',
    statement: 'Added condition alpha.',
    provenance: cite('alpha'),
  },
  beta: {
    id: 'condition-beta',
    label: 'Condition beta',
    namedIn: '2019-01-01',
    requires: 'criteria-review',
    statement: 'Added condition beta.',
    provenance: cite('beta'),
  },
  gamma: {
    id: 'condition-gamma',
    label: 'Condition gamma',
    namedIn: '2019-06-01',
    requires: 'medical-director-review',
    statement: 'Condition gamma still needs medical director review.',
    provenance: cite('gamma'),
  },
} satisfies Record<string, Indication>;

export const documentation = {
  notesA: {
    id: 'notes-a',
    label: 'Notes from the first specialist, last 6 months',
    kind: 'clinical-notes',
    specialty: 'specialty-a',
    lookbackMonths: 6,
    provenance: cite('notes'),
  },
  notesB: {
    id: 'notes-b',
    label: 'Notes from the second specialist, last 6 months',
    kind: 'clinical-notes',
    specialty: 'specialty-b',
    lookbackMonths: 6,
    provenance: cite('notes'),
  },
} satisfies Record<string, Doc>;

/** A complete revision input; override what a test needs. */
export const base = (over: Partial<Input> = {}): Input => ({
  id: '2020-01-01',
  approvedOn: '2020-01-01',
  effectiveOn: '2020-01-01',
  effectiveOnBasis: 'assumed',
  provenance: { reading: 'Made up for the diff tests, no source.' },
  summary: 'Widget therapy criteria',
  notice: { required: false, periodDays: null, basis: 'not-stated', provenance: cite('none') },
  codes: [codes.c1, codes.c2, codes.c3],
  criteria: {
    medicare: { sources: [sources.lcdB, sources.lcdA], statedNone: [] },
    commercial: { sources: [sources.plan] },
  },
  indicationRulesApplyTo: ['commercial'],
  indicationRulesProvenance: cite('rules'),
  indications: [indications.alpha],
  unnamedIndications: [],
  documentation: [documentation.notesA, documentation.notesB],
  ...over,
});

/** Validates and hashes a revision input, as `definePolicy` does. */
export const load = (input: Input): LoadedRevision => {
  const revision = RevisionSchema.parse(input);
  return { ...revision, sha256: contentHash(revision) };
};
