/**
 * Indications the revision table names, each with the row that named it. A
 * snapshot lists every indication named up to and including its revision. What
 * route an indication takes is a reading, kept in the readings edition
 * (`readings/`), never here.
 */
import type { RevisionInput } from '@criteria/schema';

type Indication = RevisionInput['indications'][number];

const EXPANSION = 150;
const expansion = (id: string, label: string, quote: string): Indication => ({
  id,
  label,
  namedIn: '2021-03-02',
  provenance: { cites: [{ line: EXPANSION, quote }] },
});

export const lungCancer: Indication = {
  id: 'lung-cancer',
  label: 'Lung cancer',
  namedIn: '2016-11-01',
  provenance: {
    cites: [{ line: 147, quote: 'MPC approved revised indication for lung cancer' }],
  },
};

export const esophagealCancer: Indication = {
  id: 'esophageal-cancer',
  label: 'Esophageal cancer',
  namedIn: '2017-12-05',
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
  label: 'Breast cancer',
  namedIn: '2021-03-02',
  provenance: {
    cites: [{ line: 150, quote: 'Breast Cancer will still require MD review' }],
  },
};

export const breastCancerApbi: Indication = {
  id: 'breast-cancer-apbi',
  label: 'Breast cancer, accelerated partial breast irradiation (APBI)',
  namedIn: '2023-01-10',
  provenance: {
    cites: [{ line: 151, quote: 'include indications for Breast Cancer (APBI)' }],
  },
};
