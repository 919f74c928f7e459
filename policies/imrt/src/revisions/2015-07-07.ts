/** Revision 2015-07-07: MPC reinstates the IMRT criteria (source:144). */
import { defineRevision } from '@criteria/schema';
import { codesBefore2020 } from '../facts/codes.js';
import { noNoticeStated } from '../facts/common.js';
import { medicareStatedNone, nonMedicareBefore2023 } from '../facts/criteria-sources.js';
import { documentation } from '../facts/documentation.js';

export default defineRevision({
  id: '2015-07-07',
  approvedOn: '2015-07-07',
  effectiveOn: '2015-11-01',
  effectiveOnBasis: 'reading',
  provenance: {
    cites: [
      { line: 144, quote: '07/07/2015' },
      { line: 144, quote: 'New criteria effective date 11/2015' },
    ],
    reading:
      'The source gives the effective month "11/2015" only; we read the first day of that month.',
  },
  summary:
    'MPC approved to reinstate IMRT criteria for medical necessity review. New criteria effective date 11/2015.',
  notice: noNoticeStated,
  codes: [...codesBefore2020],
  criteria: {
    medicare: {
      sources: [],
      statedNone: medicareStatedNone,
      silence: {
        cites: [
          {
            line: 145,
            quote: 'Revised LCD Intensity Modulated Radiation Therapy (IMRT) L34251 and L34080',
          },
        ],
        reading:
          'The source does not say which Medicare LCD the reinstated criteria referred to; the 2015-09-08 row revises the LCD references before this revision takes effect. We record the gap instead of guessing.',
      },
    },
    'non-medicare': nonMedicareBefore2023,
  },
  indications: [],
  documentation,
});
