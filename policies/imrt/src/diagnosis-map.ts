/**
 * ICD-10-CM → indication. THIS TABLE IS THE PLAN'S MAPPING, NOT PART OF THE
 * SOURCE DOCUMENT: the criteria name indications in words, never codes. It is
 * reviewed like a revision; rows are tried in order, so the more specific row
 * (with clinical attributes) comes first.
 */
import type { PolicyInput } from '@criteria/schema';

export const diagnosisMap: PolicyInput['diagnosisMap'] = {
  reviewedOn: '2026-11-26',
  note: "The plan's mapping from ICD-10-CM categories to the indications the revision table names; not part of the source document. Categories outside it map to no indication.",
  rows: [
    { prefix: 'C34', indication: 'lung-cancer', note: 'Malignant neoplasm of bronchus and lung' },
    { prefix: 'C15', indication: 'esophageal-cancer', note: 'Malignant neoplasm of esophagus' },
    { prefix: 'C16', indication: 'gastric-cancer', note: 'Malignant neoplasm of stomach' },
    { prefix: 'C22.0', indication: 'hepatocellular-carcinoma', note: 'Liver cell carcinoma' },
    { prefix: 'C22.1', indication: 'cholangiocarcinoma', note: 'Intrahepatic bile duct carcinoma' },
    { prefix: 'C24.0', indication: 'cholangiocarcinoma', note: 'Extrahepatic bile duct' },
    {
      prefix: 'C23',
      indication: 'gallbladder-carcinoma',
      note: 'Malignant neoplasm of gallbladder',
    },
    {
      prefix: 'C78.7',
      indication: 'liver-metastases',
      note: 'Secondary malignant neoplasm of liver',
    },
    { prefix: 'C25', indication: 'pancreatic-cancer', note: 'Malignant neoplasm of pancreas' },
    {
      prefix: 'C50',
      indication: 'breast-cancer-apbi',
      when: { technique: 'apbi' },
      note: 'Breast, treated with APBI',
    },
    { prefix: 'C50', indication: 'breast-cancer', note: 'Breast, other techniques' },
    ...(['C81', 'C82', 'C83', 'C84', 'C85'] as const).flatMap((prefix) => [
      {
        prefix,
        indication: 'lymphoma-mediastinal',
        when: { mediastinalInvolvement: true },
        note: 'Lymphoma with mediastinal involvement',
      },
      {
        prefix,
        indication: 'lymphoma',
        note: 'Lymphoma without mediastinal involvement: not an indication the table names',
      },
    ]),
    { prefix: 'C61', indication: 'prostate-cancer', note: 'Not an indication the table names' },
    {
      prefix: 'C32',
      indication: 'head-and-neck-cancer',
      note: 'Larynx; not an indication the table names',
    },
  ],
};
