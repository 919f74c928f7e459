import { DiagnosisMappingSchema } from '@criteria/schema';
import { field } from '../internal/raw.js';
import { defineRule } from '../rule.js';

const prefixSchema = DiagnosisMappingSchema.shape.prefix;

export const icd10WellFormed = defineRule({
  id: 'icd10-well-formed',
  severity: 'error',
  title: 'ICD-10-CM codes in the diagnosis map of each readings edition are well formed',
  rationale:
    'The diagnosis map turns request diagnoses into indications by code prefix; a malformed prefix (lower case, missing dot, wrong length) matches nothing and silently routes requests as "no indication".',
  fix: 'Write the ICD-10-CM category or code as published: an upper-case letter, a digit, a digit or letter, then optionally a dot and one to four characters (`C34`, `C22.0`, `C50.911`).',
  *check(ctx) {
    // The diagnosis map is a reading: it lives in each readings edition.
    const editions = field(ctx.input, 'readings');
    if (!Array.isArray(editions)) return;
    for (const [e, edition] of editions.entries()) {
      const rows = field(field(edition, 'diagnosisMap'), 'rows');
      if (!Array.isArray(rows)) continue;
      for (const [i, row] of rows.entries()) {
        const prefix = field(row, 'prefix');
        if (typeof prefix !== 'string' || prefixSchema.safeParse(prefix).success) continue;
        yield {
          field: `readings.${e}.diagnosisMap.rows.${i}.prefix`,
          message: `\`${prefix}\` is not a well-formed ICD-10-CM code or category`,
        };
      }
    }
  },
});
