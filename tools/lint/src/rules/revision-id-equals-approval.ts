import { stringField } from '../internal/raw.js';
import { defineRule } from '../rule.js';

export const revisionIdEqualsApproval = defineRule({
  id: 'revision-id-equals-approval',
  severity: 'error',
  title: "A revision's id is its approval date",
  rationale:
    'Revision ids are the committee approval dates of the revision table: readers, notices and the lock file name revisions by them.',
  fix: 'Make `id` equal `approvedOn`: correct whichever disagrees with the committee record, and rename the module file `src/revisions/<id>.ts` and its import to match.',
  *check(ctx) {
    for (const r of ctx.revisions) {
      const id = stringField(r.raw, 'id');
      const approvedOn = stringField(r.raw, 'approvedOn');
      if (id === undefined || approvedOn === undefined || id === approvedOn) continue;
      yield {
        revisionIndex: r.index,
        field: 'id',
        message: `\`${id}\` is not the approval date: approvedOn is \`${approvedOn}\``,
      };
    }
  },
});
