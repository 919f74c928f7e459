/** Revision 2017-12-05: esophageal cancer indication (source:148). */
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
import { esophagealCancer, lungCancer } from '../facts/indications.js';

export default defineRevision({
  id: '2017-12-05',
  approvedOn: '2017-12-05',
  effectiveOn: '2017-12-05',
  effectiveOnBasis: 'assumed',
  provenance: {
    cites: [{ line: 148, quote: '12/05/2017' }],
    reading:
      'No effective date is stated: the revision takes effect on its approval date (assumed).',
  },
  summary: 'MPC approved new indication for esophageal cancer',
  notice: noNoticeStated,
  codes: [...codesBefore2020],
  criteria: {
    medicare: { sources: [lcdL34251, lcdL34080], statedNone: medicareStatedNone },
    'non-medicare': nonMedicareBefore2023,
  },
  indications: [lungCancer, esophagealCancer],
  unnamedIndications: unnamed2016,
  documentation,
});
