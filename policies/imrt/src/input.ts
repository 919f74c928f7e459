/**
 * The IMRT policy as its modules write it, before validation. Lint reads this
 * (a broken policy is reported, not thrown); `index.ts` validates and freezes it.
 * Readings editions are listed after the revisions: a new edition is one more entry.
 * A new revision module is registered here: one import and one entry in
 * `revisions`, in approval order (`pnpm new-revision imrt` does both).
 */
import type { PolicyWithReadingsInput } from '@criteria/schema';
import { code77418 } from './facts/codes.js';
import readings20261128 from './readings/2026-11-28.js';
import r20150707 from './revisions/2015-07-07.js';
import r20150908 from './revisions/2015-09-08.js';
import r20160301 from './revisions/2016-03-01.js';
import r20161101 from './revisions/2016-11-01.js';
import r20171205 from './revisions/2017-12-05.js';
import r20200707 from './revisions/2020-07-07.js';
import r20210302 from './revisions/2021-03-02.js';
import r20230110 from './revisions/2023-01-10.js';

/** The raw IMRT policy data (validated by `definePolicy` in `index.ts`). */
const input: PolicyWithReadingsInput = {
  id: 'imrt',
  title: 'Intensity Modulated Radiation Therapy (IMRT)',
  plan: 'Kaiser Foundation Health Plan of Washington and Kaiser Foundation Health Plan of Washington Options, Inc.',
  planProvenance: {
    cites: [
      {
        line: 11,
        quote:
          'Kaiser Foundation Health Plan of Washington and Kaiser Foundation Health Plan of Washington Options, Inc.',
      },
    ],
  },
  sourceDocument: 'source/imrt-clinical-review-criteria.txt',
  record: {
    created: '2003-05-22',
    reviewedOn: [
      '2013-07-02',
      '2014-05-06',
      '2015-03-03',
      '2015-07-07',
      '2016-01-05',
      '2016-11-01',
      '2017-09-05',
      '2018-07-10',
      '2019-07-09',
      '2020-07-07',
      '2021-07-06',
      '2022-07-05',
      '2023-07-11',
      '2024-04-02',
    ],
    lastRevised: '2023-01-10',
    reviewIntervalMonths: 12,
    provenance: {
      cites: [
        { line: 137, quote: '05/22/2003' },
        { line: 137, quote: '04/02/2024 ^{MPC}' },
        { line: 137, quote: '01/10/2023' },
      ],
      reading:
        'Reviews are annual (MPC reviews about once a year in line 137): a policy whose last review is more than 12 months old is overdue.',
    },
  },
  revisions: [
    r20150707,
    r20150908,
    r20160301,
    r20161101,
    r20171205,
    r20200707,
    r20210302,
    r20230110,
  ],
  deletedCodes: [code77418],
  /** Readings editions, oldest first: the evaluator uses the latest unless told another. */
  readings: [readings20261128],
};

export default input;
