/**
 * Indications the revision table names, each with the row that named it. A
 * snapshot lists every indication named up to and including its revision.
 */
import type { RevisionInput } from '@criteria/schema';

type Indication = RevisionInput['indications'][number];

const EXPANSION = 150;
const expansion = (id: string, label: string, quote: string): Indication => ({
  id,
  label,
  namedIn: '2021-03-02',
  requires: 'criteria-review',
  statement: 'Added as an indication for coverage by the 2021-03-02 expansion.',
  provenance: { cites: [{ line: EXPANSION, quote }] },
});

export const lungCancer: Indication = {
  id: 'lung-cancer',
  label: 'Lung cancer',
  namedIn: '2016-11-01',
  requires: 'criteria-review',
  statement: 'MPC approved revised indication for lung cancer.',
  provenance: {
    cites: [{ line: 147, quote: 'MPC approved revised indication for lung cancer' }],
    reading:
      'The row says "revised indication"; we read lung cancer as named from this revision on. The indication added on 2016-03-01 is not named by the source and may be this one.',
  },
};

export const esophagealCancer: Indication = {
  id: 'esophageal-cancer',
  label: 'Esophageal cancer',
  namedIn: '2017-12-05',
  requires: 'criteria-review',
  statement: 'MPC approved new indication for esophageal cancer.',
  provenance: {
    cites: [{ line: 148, quote: 'MPC approved new indication for esophageal cancer' }],
  },
};

/** The seven indications of the 2021-03-02 expansion (source:150). */
export const expansion2021: readonly Indication[] = [
  expansion('cholangiocarcinoma', 'Cholangiocarcinoma', 'Cholangiocarcinoma'),
  expansion('gallbladder-carcinoma', 'Gallbladder carcinoma', 'Gallbladder carcinoma'),
  expansion('gastric-cancer', 'Gastric cancer', 'Gastric cancer'),
  expansion('hepatocellular-carcinoma', 'Hepatocellular carcinoma', 'Hepatocellular carcinoma'),
  expansion('liver-metastases', 'Liver metastases', 'Liver metastases'),
  expansion(
    'lymphoma-mediastinal',
    'Lymphoma with mediastinal involvement, in proximity to lung and heart',
    'Lymphoma with mediastinal involvement, in proximity to lung and heart',
  ),
  expansion('pancreatic-cancer', 'Pancreatic cancer', 'Pancreatic cancer'),
];

export const breastCancer: Indication = {
  id: 'breast-cancer',
  label: 'Breast cancer (other than APBI)',
  namedIn: '2021-03-02',
  requires: 'medical-director-review',
  statement: 'Breast cancer will still require medical director review.',
  provenance: {
    cites: [{ line: 150, quote: 'Breast Cancer will still require MD review' }],
    reading:
      '"Still" says breast cancer needed medical director review before 2021-03-02 too; from the 2023-01-10 revision, breast cancer other than APBI keeps this requirement, as that revision names APBI only.',
  },
};

export const breastCancerApbi: Indication = {
  id: 'breast-cancer-apbi',
  label: 'Breast cancer, accelerated partial breast irradiation (APBI)',
  namedIn: '2023-01-10',
  requires: 'criteria-review',
  statement: 'MPC approved to include indications for breast cancer (APBI).',
  provenance: {
    cites: [{ line: 151, quote: 'include indications for Breast Cancer (APBI)' }],
  },
};
