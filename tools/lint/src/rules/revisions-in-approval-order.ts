import { isIsoDate } from '@criteria/calendar';
import { stringField } from '../internal/raw.js';
import { defineRule } from '../rule.js';

export const revisionsInApprovalOrder = defineRule({
  id: 'revisions-in-approval-order',
  severity: 'error',
  title: 'Revisions are listed in approval order',
  rationale:
    'The revision list reads like the revision table, oldest first; diffs and notices compare each revision with the one before it.',
  fix: "Move the revision's entry in the policy's `revisions` list (`src/input.ts`) after every revision approved before it.",
  *check(ctx) {
    let previous: { label: string; approvedOn: string } | undefined;
    for (const r of ctx.revisions) {
      const approvedOn = stringField(r.raw, 'approvedOn');
      if (approvedOn === undefined || !isIsoDate(approvedOn)) continue;
      if (previous !== undefined && approvedOn < previous.approvedOn)
        yield {
          revisionIndex: r.index,
          field: 'approvedOn',
          message: `\`${approvedOn}\` is before the approval of revision ${previous.label} (\`${previous.approvedOn}\`), listed above it`,
        };
      else previous = { label: r.label, approvedOn };
    }
  },
});
