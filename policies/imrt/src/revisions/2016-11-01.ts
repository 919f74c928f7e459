/** Revision 2016-11-01: lung cancer indication (source:147). */
import { defineRevision } from '@criteria/schema';
import { codesBefore2020 } from '../facts/codes.js';
import { noNoticeStated, unnamed2016 } from '../facts/common.js';
import {
  lcdL34080,
  lcdL34251,
  medicareStatedNone,
  nonMedicareBefore2023,
} from '../facts/criteria-sources.js';
import { documentation } from '../facts/documentation.js';
import { lungCancer } from '../facts/indications.js';

export default defineRevision({
  id: '2016-11-01',
  approvedOn: '2016-11-01',
  effectiveOn: '2016-11-01',
  effectiveOnBasis: 'assumed',
  provenance: {
    cites: [{ line: 147, quote: '11/01/2016' }],
    reading:
      'No effective date is stated: the revision takes effect on its approval date (assumed).',
  },
  summary: 'MPC approved revised indication for lung cancer',
  notice: noNoticeStated,
  codes: [...codesBefore2020],
  criteria: {
    medicare: { sources: [lcdL34251, lcdL34080], statedNone: medicareStatedNone },
    'non-medicare': nonMedicareBefore2023,
  },
  indications: [lungCancer],
  unnamedIndications: unnamed2016,
  documentation,
});
