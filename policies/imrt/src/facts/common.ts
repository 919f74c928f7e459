import type { RevisionInput } from '@criteria/schema';

/** A revision the table gives no notice for. */
export const noNoticeStated: RevisionInput['notice'] = {
  required: false,
  periodDays: null,
  basis: 'not-stated',
  provenance: {
    reading:
      'The revision table states no advance notice for this revision, so none is recorded as required.',
  },
};

/** Who follows the indication rules: non-Medicare members only. */
export const indicationRules: Pick<
  RevisionInput,
  'indicationRulesApplyTo' | 'indicationRulesProvenance'
> = {
  indicationRulesApplyTo: ['commercial'],
  indicationRulesProvenance: {
    cites: [{ line: 21, quote: 'continue to use LCD L34080 for determining medical necessity' }],
    reading:
      "Medicare members are reviewed against the LCD and its article whatever the indication; the plan's indication additions are its own criteria, which the source applies to non-Medicare members.",
  },
};

/** The indication the 2016-03-01 row adds without naming it. */
export const unnamed2016: NonNullable<RevisionInput['unnamedIndications']> = [
  {
    addedIn: '2016-03-01',
    what: 'An indication was added; the source does not name it (it may be the lung cancer indication named on 2016-11-01).',
    provenance: { cites: [{ line: 146, quote: 'Added indication to policy' }] },
  },
];
