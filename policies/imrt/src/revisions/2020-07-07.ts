/** Revision 2020-07-07: Medicare billing article A57231 added; CPT 77418 removed (source:149). */
import { defineRevision } from '@criteria/schema';
import { currentCodes } from '../facts/codes.js';
import { noNoticeStated, unnamed2016 } from '../facts/common.js';
import {
  articleA57231,
  lcdL34080,
  medicareStatedNone,
  nonMedicareBefore2023,
} from '../facts/criteria-sources.js';
import { documentation } from '../facts/documentation.js';
import { esophagealCancer, lungCancer } from '../facts/indications.js';

export default defineRevision({
  id: '2020-07-07',
  approvedOn: '2020-07-07',
  effectiveOn: '2020-07-07',
  effectiveOnBasis: 'assumed',
  provenance: {
    cites: [{ line: 149, quote: '07/07/2020' }],
    reading:
      'No effective date is stated: the revision takes effect on its approval date (assumed).',
  },
  summary: 'Added Medicare LCA (A57231); removed deleted CPT code 77418',
  notice: noNoticeStated,
  codes: [...currentCodes],
  criteria: {
    medicare: { sources: [lcdL34080, articleA57231], statedNone: medicareStatedNone },
    'non-medicare': nonMedicareBefore2023,
  },
  indications: [lungCancer, esophagealCancer],
  unnamedIndications: unnamed2016,
  documentation,
});
