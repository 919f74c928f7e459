import { fieldIssuesFromZod, PolicySchema } from '@criteria/schema';
import type { z } from 'zod';
import { locate } from '../internal/raw.js';
import { defineRule } from '../rule.js';

/**
 * Schema issues another rule reports with a better message (and its own id):
 * the schema rule leaves them out so one problem is one finding.
 */
const coveredElsewhere = (issue: z.core.$ZodIssue): string | undefined => {
  const [first, , third] = issue.path;
  const last = issue.path[issue.path.length - 1];
  if (
    first === 'revisions' &&
    third === 'id' &&
    issue.path.length === 3 &&
    issue.code === 'custom'
  ) {
    if (issue.message.startsWith('expected the id to equal approvedOn'))
      return 'revision-id-equals-approval';
    if (issue.message.startsWith('expected unique revision ids')) return 'revision-ids-unique';
    if (issue.message.startsWith('expected revisions in approval order'))
      return 'revisions-in-approval-order';
  }
  if (first === 'diagnosisMap' && last === 'prefix' && issue.code === 'invalid_format')
    return 'icd10-well-formed';
  if (
    typeof last === 'string' &&
    /(?:^p|P)rovenance$|^silence$/.test(last) &&
    issue.code === 'custom' &&
    issue.message.startsWith('expected at least one citation or a reading')
  )
    return 'reading-has-reason';
  if (last === 'reading' && issue.code === 'too_small') return 'reading-has-reason';
  return undefined;
};

export const schema = defineRule({
  id: 'schema',
  severity: 'error',
  title: 'The policy data matches the policy schema',
  rationale:
    'Every tool reads a policy through the zod schema of `@criteria/schema`: data that does not validate cannot be evaluated, diffed or published, and `definePolicy` refuses to load it.',
  fix: 'Give the field named in the message the type or format it expects (the message says which). `pnpm typecheck` usually points at the same line of the module.',
  *check(ctx) {
    const parsed = PolicySchema.safeParse(ctx.input);
    if (parsed.success) return;
    const issues = fieldIssuesFromZod(parsed.error, ctx.input, { reportInput: true });
    for (const [i, issue] of parsed.error.issues.entries()) {
      if (coveredElsewhere(issue) !== undefined) continue;
      const fieldIssue = issues[i];
      if (fieldIssue === undefined) continue;
      const where = locate(issue.path.map((k) => (typeof k === 'number' ? k : String(k))));
      yield { ...where, message: `${fieldIssue.message.replace(/^[^:]*: /, '')}` };
    }
  },
});
