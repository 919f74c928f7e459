/**
 * Procedure codes in scope. Labels are our own short words: CPT descriptors are
 * AMA-licensed and are not stored here (a licensed deployment shows its own with
 * `criteria codes --descriptors FILE`, read by `parseDescriptors`). Every code is
 * cited to its row in "Applicable Codes".
 */
import type { RevisionInput } from '@criteria/schema';

type Code = RevisionInput['codes'][number];

const cpt = (code: string, label: string, line: number): Code => ({
  code,
  system: 'CPT',
  label,
  provenance: { cites: [{ line, quote: code }] },
});
const hcpcs = (code: string, label: string, line: number): Code => ({
  code,
  system: 'HCPCS',
  label,
  provenance: { cites: [{ line, quote: code }] },
});

/** The codes the current text lists (source:118-128). */
export const currentCodes: readonly Code[] = [
  cpt('77301', 'IMRT treatment plan', 119),
  cpt('77338', 'IMRT multi-leaf collimator device design', 120),
  cpt('77385', 'IMRT delivery, simple', 121),
  cpt('77386', 'IMRT delivery, complex', 122),
  cpt('77387', 'Target localization guidance, with intrafraction tracking when performed', 123),
  hcpcs('G6015', 'IMRT delivery with multi-leaf collimation, per session', 126),
  hcpcs('G6016', 'Compensator-based beam modulation delivery per session', 127),
  hcpcs('G6017', 'Intra-fraction target localization and tracking', 128),
];

/** CPT 77418, in scope until the 2020-07-07 revision removed it as a deleted code. */
export const code77418: Code = {
  code: '77418',
  system: 'CPT',
  label: 'IMRT delivery (deleted code)',
  deleted: {
    on: '2015-01-01',
    provenance: {
      cites: [{ line: 149, quote: 'removed deleted CPT code 77418' }],
      reading:
        'The source calls 77418 deleted without dating it; CPT deleted it on 2015-01-01 (the CPT 2015 code set), before the first revision took effect (2015-11-01).',
    },
  },
  provenance: {
    cites: [{ line: 149, quote: 'removed deleted CPT code 77418' }],
    reading:
      'The 2020-07-07 row removes 77418, so it was in scope before; the current code list (lines 118-128) no longer shows it, so its place among the earlier codes is inferred from that row alone.',
  },
};

/** Codes of the revisions before 2020-07-07. */
export const codesBefore2020: readonly Code[] = [...currentCodes, code77418];
