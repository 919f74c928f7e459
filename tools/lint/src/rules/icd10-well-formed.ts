import { DiagnosisMappingSchema } from '@criteria/schema';
import { field } from '../internal/raw.js';
import { defineRule } from '../rule.js';

const prefixSchema = DiagnosisMappingSchema.shape.prefix;

export const icd10WellFormed = defineRule({
  id: 'icd10-well-formed',
  severity: 'error',
  title: 'ICD-10-CM codes in the diagnosis mapping table are well formed',
  rationale:
    'The diagnosis map turns request diagnoses into indications by code prefix; a malformed prefix (lower case, missing dot, wrong length) matches nothing and silently routes requests as "no indication".',
  fix: 'Write the ICD-10-CM category or code as published: an upper-case letter, a digit, a digit or letter, then optionally a dot and one to four characters (`C34`, `C22.0`, `C50.911`).',
  *check(ctx) {
    const rows = field(field(ctx.input, 'diagnosisMap'), 'rows');
    if (!Array.isArray(rows)) return;
    for (const [i, row] of rows.entries()) {
      const prefix = field(row, 'prefix');
      if (typeof prefix !== 'string' || prefixSchema.safeParse(prefix).success) continue;
      yield {
        field: `diagnosisMap.rows.${i}.prefix`,
        message: `\`${prefix}\` is not a well-formed ICD-10-CM code or category`,
      };
    }
  },
});
