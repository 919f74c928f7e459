/** Revision 2023-01-10: breast cancer APBI indication; MCG KP-0455 for non-Medicare members (source:151, 26). */
import { defineRevision } from '@criteria/schema';
import { currentCodes } from '../facts/codes.js';
import { unnamed2016 } from '../facts/common.js';
import {
  articleA58245,
  lcdL34080,
  mcgKp0455,
  medicareStatedNone,
} from '../facts/criteria-sources.js';
import { documentation } from '../facts/documentation.js';
import {
  breastCancer,
  breastCancerApbi,
  esophagealCancer,
  expansion2021,
  lungCancer,
} from '../facts/indications.js';

export default defineRevision({
  id: '2023-01-10',
  approvedOn: '2023-01-10',
  effectiveOn: '2023-06-01',
  effectiveOnBasis: 'stated',
  provenance: {
    cites: [
      { line: 151, quote: '01/10/2023' },
      { line: 151, quote: 'effective 06/01/2023' },
    ],
  },
  summary:
    'MPC approved to adopt the revised changes the IMRT criteria to include indications for Breast Cancer (APBI). Requires 60-day notice effective 06/01/2023.',
  notice: {
    required: true,
    periodDays: 60,
    basis: 'stated',
    provenance: { cites: [{ line: 151, quote: 'Requires 60-day notice' }] },
  },
  codes: [...currentCodes],
  criteria: {
    medicare: { sources: [lcdL34080, articleA58245], statedNone: medicareStatedNone },
    'non-medicare': { sources: [mcgKp0455] },
  },
  indications: [lungCancer, esophagealCancer, ...expansion2021, breastCancer, breastCancerApbi],
  unnamedIndications: unnamed2016,
  documentation,
});
