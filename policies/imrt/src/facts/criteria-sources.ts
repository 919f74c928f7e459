/**
 * Criteria sources per line of business (source:15-26). A retirement is a
 * status of the source with its own date, not a plan revision.
 */
import type { RevisionInput } from '@criteria/schema';

type Line = RevisionInput['criteria']['medicare'];
type Source = Line['sources'][number];

/** "CMS Coverage Manuals: None" and "NCD: None" (source:19-20). */
export const medicareStatedNone: Line['statedNone'] = [
  {
    kind: 'cms-manual',
    provenance: {
      cites: [{ line: 19, quote: 'CMS Coverage Manuals\tNone' }],
      reading:
        'Only the current text shows the Medicare table; no revision row mentions a CMS manual, so the absence is carried to every revision.',
    },
  },
  {
    kind: 'ncd',
    provenance: {
      cites: [{ line: 20, quote: 'National Coverage Determinations (NCD)\tNone' }],
      reading:
        'Only the current text shows the Medicare table; no revision row mentions an NCD, so the absence is carried to every revision.',
    },
  },
];

/** LCD L34080, retired by Noridian 2020-08-01 and still used for medical necessity. */
export const lcdL34080: Source = {
  kind: 'lcd',
  id: 'L34080',
  title: 'Intensity Modulated Radiation Therapy (IMRT)',
  retirement: {
    on: '2020-08-01',
    stillApplied: true,
    provenance: {
      cites: [
        {
          line: 21,
          quote:
            '08/01/2020 Noridian retired Intensity Modulated Radiation Therapy (IMRT) (L34080)',
        },
        { line: 21, quote: 'continue to use LCD L34080 for determining medical necessity' },
      ],
    },
  },
  content: { provider: 'cms', key: 'L34080', licensed: false },
  provenance: {
    cites: [
      { line: 21, quote: 'Intensity Modulated Radiation Therapy (IMRT) (L34080)' },
      { line: 145, quote: 'L34080' },
    ],
  },
};

/** LCD L34251, named only by the 2015-09-08 row. */
export const lcdL34251: Source = {
  kind: 'lcd',
  id: 'L34251',
  title: 'Intensity Modulated Radiation Therapy (IMRT)',
  content: { provider: 'cms', key: 'L34251', licensed: false },
  provenance: {
    cites: [
      {
        line: 145,
        quote: 'Revised LCD Intensity Modulated Radiation Therapy (IMRT) L34251 and L34080',
      },
    ],
    reading:
      'The source names L34251 only in the 2015-09-08 row and does not say when it stopped applying; the current Medicare table (line 21) lists L34080 alone. We carry L34251 until the 2020-07-07 revision, the next one that edits the Medicare sources.',
  },
};

/** Billing article A57231, added 2020-07-07. */
export const articleA57231: Source = {
  kind: 'billing-article',
  id: 'A57231',
  title: 'Medicare LCA (A57231)',
  content: { provider: 'cms', key: 'A57231', licensed: false },
  provenance: {
    cites: [{ line: 149, quote: 'Added Medicare LCA (A57231)' }],
    reading:
      "The source gives this article no title; we use the revision row's own words. It is the article in force until the 2023-01-10 revision takes effect (2023-06-01), when A58245 replaces it; the source does not date that switch.",
  },
};

/** Billing article A58245, retired by Noridian 2023-11-01 and still used. */
export const articleA58245: Source = {
  kind: 'billing-article',
  id: 'A58245',
  title: 'Billing and Coding: Intensity Modulated Radiation Therapy (IMRT)',
  retirement: {
    on: '2023-11-01',
    stillApplied: true,
    provenance: {
      cites: [
        {
          line: 22,
          quote:
            '11/01/2023 Noridian retired Billing and Coding: Intensity Modulated Radiation Therapy (IMRT) (A58245)',
        },
        {
          line: 22,
          quote: 'continue to use LCD L34080 and A58245 for determining medical necessity',
        },
      ],
    },
  },
  content: { provider: 'cms', key: 'A58245', licensed: false },
  provenance: {
    cites: [
      {
        line: 22,
        quote: 'Billing and Coding: Intensity Modulated Radiation Therapy (IMRT) (A58245)',
      },
    ],
    reading:
      'Assumed: the source does not date the switch from A57231 to A58245; we place it at the 2023-01-10 revision, whose text is the current one.',
  },
};

/** The plan's own IMRT criteria, applied to non-Medicare members before MCG. */
export const planCriteria: Source = {
  kind: 'plan-criteria',
  id: 'kp-imrt-criteria',
  title: 'Kaiser Permanente clinical review criteria for IMRT',
  content: { provider: 'plan', key: 'imrt', licensed: false },
  provenance: {
    cites: [
      { line: 144, quote: 'MPC approved to reinstate IMRT criteria for medical necessity review' },
    ],
    reading:
      'The current text names MCG for non-Medicare members; for revisions before 2023-01-10 we read that the plan applied its own IMRT criteria, whose text is not in the source document.',
  },
};

/** The licensed MCG guideline KP-0455, edition 2023-06-01. Its content is never stored here. */
export const mcgKp0455: Source = {
  kind: 'mcg-guideline',
  id: 'KP-0455',
  title: 'Intensity Modulated Radiation Therapy (IMRT)',
  edition: '2023-06-01',
  content: { provider: 'mcg', key: 'KP-0455@2023-06-01', licensed: true },
  provenance: {
    cites: [
      { line: 26, quote: 'Intensity Modulated Radiation Therapy (IMRT) (KP-0455 06012023) MCG' },
      { line: 32, quote: 'MCG manuals are proprietary and cannot be published' },
    ],
    reading:
      'The edition "06012023" is read as 2023-06-01. The source does not say which revision adopted MCG; the edition date equals the 2023-01-10 revision\'s effective date, so we place the switch from the plan\'s own criteria there.',
  },
};

/** Plan criteria for non-Medicare members, for every revision before 2023-01-10. */
export const nonMedicareBefore2023: Line = { sources: [planCriteria] };
