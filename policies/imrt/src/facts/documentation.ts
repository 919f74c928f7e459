import type { RevisionInput } from '@criteria/schema';

const reading =
  'Only the current text states the documentation; we read it as required by every revision. "Last 6 months" counts back whole calendar months from the request date (or the date of service when there is none), clamping at month end.';

/** Source:28-30: the last 6 months of notes from the oncologist and the radiation oncologist (both). */
export const documentation: RevisionInput['documentation'] = [
  {
    id: 'oncology-clinical-notes',
    label: 'Clinical notes from the oncologist, last 6 months',
    kind: 'clinical-notes',
    specialty: 'oncology',
    lookbackMonths: 6,
    provenance: {
      cites: [{ line: 30, quote: 'Last 6 months of clinical notes from oncologist' }],
      reading,
    },
  },
  {
    id: 'radiation-oncology-clinical-notes',
    label: 'Clinical notes from the radiation oncologist, last 6 months',
    kind: 'clinical-notes',
    specialty: 'radiation-oncology',
    lookbackMonths: 6,
    provenance: { cites: [{ line: 30, quote: 'and radiation oncologist' }], reading },
  },
];
