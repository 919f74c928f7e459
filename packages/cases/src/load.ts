import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CriteriaError, type FieldIssue } from '@criteria/errors';
import { fieldIssuesFromZod } from '@criteria/schema';
import { parse } from 'yaml';
import { CaseFileSchema, expandCases, type PolicyCase } from './case-file.js';

/**
 * Loads every `*.yaml` / `*.json` case file of a directory, validated. A file
 * that does not validate throws a `CriteriaError` naming the file and fields:
 * a broken case must fail the suite, not vanish from it.
 *
 * @example const cases = loadCases(new URL('../cases', import.meta.url).pathname);
 */
export function loadCases(dir: string): PolicyCase[] {
  const files = readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort();
  return files.flatMap((file) => {
    const raw: unknown = parse(readFileSync(join(dir, file), 'utf8'), { merge: true });
    const parsed = CaseFileSchema.safeParse(raw);
    if (!parsed.success) {
      const issues: FieldIssue[] = fieldIssuesFromZod(parsed.error, raw, { reportInput: true });
      throw new CriteriaError(
        'invalid_argument',
        issues,
        `${file}: ${issues.map((i) => i.message).join('; ')}`,
      );
    }
    return expandCases(file, parsed.data);
  });
}
