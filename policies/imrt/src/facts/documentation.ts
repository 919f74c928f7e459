import type { RevisionInput } from '@criteria/schema';

const reading =
  'Only the current text states the documentation; every revision module carries it. Which members it is required of, and how "last 6 months" is counted, are readings of the readings edition.';

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
