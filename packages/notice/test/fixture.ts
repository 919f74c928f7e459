/**
 * A made-up policy for the notice package's own tests (the package knows no
 * real policy). Nothing here is a clinical fact.
 */
import { definePolicy, type LoadedPolicy, type RevisionInput } from '@criteria/schema';

const reading = { reading: 'Made up for the notice tests, no source.' };
const cite = (quote: string) => ({ cites: [{ line: 1, quote }] });

const code = (c: string, label: string, deletedQuote?: string): RevisionInput['codes'][number] => ({
  code: c,
  system: 'CPT',
  label,
  ...(deletedQuote ? { deleted: { provenance: cite(deletedQuote) } } : {}),
  provenance: cite(c),
});

const first: RevisionInput = {
  id: '2020-01-07',
  approvedOn: '2020-01-07',
  effectiveOn: '2020-03-01',
  effectiveOnBasis: 'stated',
  provenance: reading,
  summary: 'Widget therapy criteria <reinstated> & reviewed',
  notice: { required: false, periodDays: null, basis: 'not-stated', provenance: reading },
  codes: [code('10001', 'Widget plan'), code('10003', 'Old widget', 'removed deleted code 10003')],
  criteria: {
    medicare: { sources: [], statedNone: [], silence: reading },
    commercial: {
      sources: [
        {
          kind: 'plan-criteria',
          id: 'plan-widget',
          title: 'Plan criteria for widget therapy',
          content: { provider: 'plan', key: 'widget', licensed: false },
          provenance: reading,
        },
      ],
    },
  },
  indicationRulesApplyTo: ['commercial'],
  indicationRulesProvenance: reading,
  indications: [],
  documentation: [],
};

/** Superseded before it took effect: the next one takes effect the same day. */
const second: RevisionInput = {
  ...first,
  id: '2020-02-04',
  approvedOn: '2020-02-04',
  summary: 'Widget therapy criteria, with condition alpha',
  codes: [code('10001', 'Widget plan')],
  indications: [
    {
      id: 'condition-alpha',
      label: 'Condition alpha <a|b>',
      namedIn: '2020-02-04',
      requires: 'criteria-review',
      statement: 'Condition alpha is added.',
      provenance: reading,
    },
  ],
};

/** Needs 60 days' notice but takes effect 30 days after approval. */
const third: RevisionInput = {
  ...second,
  id: '2021-05-01',
  approvedOn: '2021-05-01',
  effectiveOn: '2021-05-31',
  summary: 'Condition alpha needs medical director review',
  notice: { required: true, periodDays: 60, basis: 'stated', provenance: reading },
  indications: [
    {
      id: 'condition-alpha',
      label: 'Condition alpha <a|b>',
      namedIn: '2020-02-04',
      requires: 'medical-director-review',
      statement: 'Condition alpha needs medical director review.',
      provenance: reading,
    },
  ],
};

/** Needs 60 days' notice and gives 152. */
const fourth: RevisionInput = {
  ...third,
  id: '2022-03-02',
  approvedOn: '2022-03-02',
  effectiveOn: '2022-08-01',
  summary: 'Condition beta added',
  indications: [
    ...third.indications,
    {
      id: 'condition-beta',
      label: 'Condition beta',
      namedIn: '2022-03-02',
      requires: 'criteria-review',
      statement: 'Condition beta is added.',
      provenance: reading,
    },
  ],
};

export const widget: LoadedPolicy = definePolicy({
  id: 'widget',
  title: 'Widget Therapy',
  plan: 'Example Health Plan',
  sourceDocument: 'source/widget.txt',
  record: {
    created: '2019-01-01',
    reviewedOn: ['2022-03-02'],
    lastRevised: '2022-03-02',
    reviewIntervalMonths: 12,
    provenance: reading,
  },
  revisions: [first, second, third, fourth],
  diagnosisMap: { reviewedOn: '2022-03-02', note: 'none', rows: [] },
});
