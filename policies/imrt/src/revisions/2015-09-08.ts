/** Revision 2015-09-08: Medicare LCD references revised to L34251 and L34080 (source:145). */
import { defineRevision } from '@criteria/schema';
import { codesBefore2020 } from '../facts/codes.js';
import { noNoticeStated } from '../facts/common.js';
import {
  lcdL34080,
  lcdL34251,
  medicareStatedNone,
  nonMedicareBefore2023,
} from '../facts/criteria-sources.js';
import { documentation } from '../facts/documentation.js';

export default defineRevision({
  id: '2015-09-08',
  approvedOn: '2015-09-08',
  effectiveOn: '2015-11-01',
  effectiveOnBasis: 'reading',
  provenance: {
    cites: [
      { line: 145, quote: '09/08/2015' },
      { line: 144, quote: 'New criteria effective date 11/2015' },
    ],
    reading:
      'No effective date is stated. This revision amends the Medicare LCD references of the pending reinstatement, so it takes effect with it on 2015-11-01 and supersedes 2015-07-07 as of its approval.',
  },
  summary: 'Revised LCD Intensity Modulated Radiation Therapy (IMRT) L34251 and L34080',
  notice: noNoticeStated,
  codes: [...codesBefore2020],
  criteria: {
    medicare: { sources: [lcdL34251, lcdL34080], statedNone: medicareStatedNone },
    'non-medicare': nonMedicareBefore2023,
  },
  indications: [],
  documentation,
});
