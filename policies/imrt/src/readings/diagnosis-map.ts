/**
 * ICD-10-CM → indication: THE PROJECT'S READING, reviewed against ICD-10-CM, not
 * the plan's mapping and not part of the source document (the criteria name
 * indications in words, never codes). Each row says which words of the source it
 * maps to and why. Rows are tried in order, so a more specific row comes first.
 * A diagnosis code never establishes a technique (APBI): only the request does.
 */
import type { ReadingsEditionInput } from '@criteria/schema';

type Row = ReadingsEditionInput['diagnosisMap']['rows'][number];

const row = (
  prefix: string,
  indication: string,
  title: string,
  cite: { line: number; quote: string } | null,
  reason: string,
  when: Row['when'] = {},
): Row => ({
  prefix,
  indication,
  when,
  title,
  basis: { cites: cite ? [cite] : [], reason },
});

const L150 = (quote: string) => ({ line: 150, quote });
const lymphoma = L150('Lymphoma with mediastinal involvement, in proximity to lung and heart');

/** ICD-10-CM lymphoma subcategories whose fifth character 2 is "intrathoracic lymph nodes". */
const SITE_SUBCATEGORIES = [
  'C81.0',
  'C81.1',
  'C81.2',
  'C81.3',
  'C81.4',
  'C81.7',
  'C81.9',
  'C82.0',
  'C82.1',
  'C82.2',
  'C82.3',
  'C82.4',
  'C82.5',
  'C82.6',
  'C82.8',
  'C82.9',
  'C83.0',
  'C83.1',
  'C83.3',
  'C83.5',
  'C83.7',
  'C83.8',
  'C83.9',
  'C84.0',
  'C84.1',
  'C84.4',
  'C84.6',
  'C84.7',
  'C84.9',
  'C84.A',
  'C84.Z',
  'C85.1',
  'C85.8',
  'C85.9',
];

export const diagnosisMap: ReadingsEditionInput['diagnosisMap'] = {
  note: "The project's reading of which ICD-10-CM codes fall under the indications the revision table names, reviewed against ICD-10-CM; not the plan's mapping and not part of the source document. Codes outside it map to no indication: they count as indications the table does not name, and are flagged.",
  rows: [
    row(
      'C34',
      'lung-cancer',
      'Malignant neoplasm of bronchus and lung',
      { line: 147, quote: 'lung cancer' },
      'The ICD-10-CM category of lung cancer.',
    ),
    row(
      'C15',
      'esophageal-cancer',
      'Malignant neoplasm of esophagus',
      { line: 148, quote: 'esophageal cancer' },
      'The ICD-10-CM category of esophageal cancer.',
    ),
    row(
      'C16',
      'gastric-cancer',
      'Malignant neoplasm of stomach',
      L150('Gastric cancer'),
      'The ICD-10-CM category of gastric cancer.',
    ),
    row(
      'C22.0',
      'hepatocellular-carcinoma',
      'Liver cell carcinoma',
      L150('Hepatocellular carcinoma'),
      'ICD-10-CM names hepatocellular carcinoma "liver cell carcinoma".',
    ),
    row(
      'C22.1',
      'cholangiocarcinoma',
      'Intrahepatic bile duct carcinoma',
      L150('Cholangiocarcinoma'),
      'Intrahepatic cholangiocarcinoma.',
    ),
    row(
      'C24.0',
      'cholangiocarcinoma',
      'Malignant neoplasm of extrahepatic bile duct',
      L150('Cholangiocarcinoma'),
      'Extrahepatic cholangiocarcinoma.',
    ),
    row(
      'C23',
      'gallbladder-carcinoma',
      'Malignant neoplasm of gallbladder',
      L150('Gallbladder carcinoma'),
      'The ICD-10-CM category of gallbladder cancer.',
    ),
    row(
      'C78.7',
      'liver-metastases',
      'Secondary malignant neoplasm of liver and intrahepatic bile duct',
      L150('Liver metastases'),
      'A secondary (metastatic) neoplasm of the liver.',
    ),
    row(
      'C7B.02',
      'liver-metastases',
      'Secondary carcinoid tumors of liver',
      L150('Liver metastases'),
      'A secondary neuroendocrine (carcinoid) tumor of the liver is a liver metastasis.',
    ),
    row(
      'C25',
      'pancreatic-cancer',
      'Malignant neoplasm of pancreas',
      L150('Pancreatic cancer'),
      'The ICD-10-CM category of pancreatic cancer.',
    ),
    row(
      'C50',
      'breast-cancer',
      'Malignant neoplasm of breast',
      L150('Breast Cancer'),
      'The ICD-10-CM category of breast cancer, whatever the technique (a code never establishes APBI).',
    ),
    row(
      'D05',
      'breast-cancer',
      'Carcinoma in situ of breast',
      L150('Breast Cancer'),
      'Ductal and lobular carcinoma in situ are breast cancers for this routing: counting them out would take away the medical director review "still" asks for.',
    ),
    row(
      'C85.2',
      'lymphoma-mediastinal',
      'Mediastinal (thymic) large B-cell lymphoma',
      lymphoma,
      'The lymphoma arises in the mediastinum, so it is a lymphoma with mediastinal involvement whatever the request says.',
    ),
    ...SITE_SUBCATEGORIES.map((sub) =>
      row(
        `${sub}2`,
        'lymphoma-mediastinal',
        'Lymphoma of intrathoracic lymph nodes',
        lymphoma,
        'The fifth character 2 is "intrathoracic lymph nodes", which include the mediastinal nodes, in proximity to lung and heart. Alternative: intrathoracic nodes without mediastinal ones (hilar only) do not qualify.',
      ),
    ),
    ...(['C81', 'C82', 'C83', 'C84', 'C85', 'C86', 'C88.4'] as const).flatMap((prefix) => [
      row(
        prefix,
        'lymphoma-mediastinal',
        'Lymphoma, with mediastinal involvement stated by the request',
        lymphoma,
        'A lymphoma the request says involves the mediastinum.',
        { mediastinalInvolvement: true },
      ),
      row(
        prefix,
        'lymphoma',
        'Lymphoma, without mediastinal involvement stated',
        null,
        'A lymphoma without stated mediastinal involvement is not an indication the revision table names.',
      ),
    ]),
    row(
      'C61',
      'prostate-cancer',
      'Malignant neoplasm of prostate',
      null,
      'Prostate cancer is not an indication the revision table names (the MTAC review of line 112 is background, not criteria).',
    ),
    row(
      'C32',
      'head-and-neck-cancer',
      'Malignant neoplasm of larynx',
      null,
      'Head and neck cancer is not an indication the revision table names.',
    ),
  ],
};
