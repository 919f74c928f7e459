/** Revision 2021-03-02: seven indications added; breast cancer still needs MD review (source:150). */
import { defineRevision } from '@criteria/schema';
import { currentCodes } from '../facts/codes.js';
import { unnamed2016 } from '../facts/common.js';
import {
  articleA57231,
  lcdL34080,
  medicareStatedNone,
  nonMedicareBefore2023,
} from '../facts/criteria-sources.js';
import { documentation } from '../facts/documentation.js';
import { breastCancer, esophagealCancer, expansion2021, lungCancer } from '../facts/indications.js';

export default defineRevision({
  id: '2021-03-02',
  approvedOn: '2021-03-02',
  effectiveOn: '2021-08-01',
  effectiveOnBasis: 'stated',
  provenance: {
    cites: [
      { line: 150, quote: '03/02/2021' },
      { line: 150, quote: 'effective date 08/01/2021' },
    ],
  },
  summary:
    'MPC approved to expand coverage to the IMRT criteria by including additional indications for coverage which include Cholangiocarcinoma, Gallbladder carcinoma, Gastric cancer, Hepatocellular carcinoma, Liver metastases, Lymphoma with mediastinal involvement, in proximity to lung and heart, Pancreatic cancer; Breast Cancer will still require MD review. Requires 60-day notice, effective date 08/01/2021.',
  notice: {
    required: true,
    periodDays: 60,
    basis: 'stated',
    provenance: { cites: [{ line: 150, quote: 'Requires 60-day notice' }] },
  },
  codes: [...currentCodes],
  criteria: {
    medicare: { sources: [lcdL34080, articleA57231], statedNone: medicareStatedNone },
    'non-medicare': nonMedicareBefore2023,
  },
  indications: [lungCancer, esophagealCancer, ...expansion2021, breastCancer],
  unnamedIndications: unnamed2016,
  documentation,
});
