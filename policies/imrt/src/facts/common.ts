import type { RevisionInput } from '@criteria/schema';

/** A revision the table gives no notice for. */
export const noNoticeStated: RevisionInput['notice'] = {
  required: false,
  periodDays: null,
  basis: 'not-stated',
  provenance: {
    reading:
      'The revision table states no advance notice for this revision. Its silence is recorded as "not stated", not as a statement that no notice was required.',
  },
};

/** The indication the 2016-03-01 row adds without naming it. */
export const unnamed2016: NonNullable<RevisionInput['unnamedIndications']> = [
  {
    addedIn: '2016-03-01',
    what: 'An indication was added; the source does not name it.',
    provenance: { cites: [{ line: 146, quote: 'Added indication to policy' }] },
  },
];
