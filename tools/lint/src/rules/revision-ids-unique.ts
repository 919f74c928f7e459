import { stringField } from '../internal/raw.js';
import { defineRule } from '../rule.js';

export const revisionIdsUnique = defineRule({
  id: 'revision-ids-unique',
  severity: 'error',
  title: 'No two revisions share an id',
  rationale:
    'One committee approval is one revision; two modules with one id make "which revision governs" ambiguous and the lock cannot tell them apart.',
  fix: 'Merge the two modules into one revision, or correct the approval date (`id` and `approvedOn`) of the one that is wrong, and register each module once.',
  *check(ctx) {
    const first = new Map<string, number>();
    for (const r of ctx.revisions) {
      const id = stringField(r.raw, 'id');
      if (id === undefined) continue;
      const seen = first.get(id);
      if (seen === undefined) first.set(id, r.index);
      else
        yield {
          revisionIndex: r.index,
          field: 'id',
          message: `\`${id}\` is also the id of revisions.${seen}`,
        };
    }
  },
});
