import { isIsoDate } from '@criteria/calendar';
import { checkApprovedByToday } from '@criteria/schema';
import { stringField } from '../internal/raw.js';
import { defineRule } from '../rule.js';

export const approvedNotAfterToday = defineRule({
  id: 'approved-not-after-today',
  severity: 'error',
  title: '`approvedOn` is not after today',
  rationale:
    'A revision records what the committee approved; an approval date after today records a meeting that has not happened (often a mistyped year), and selection by `asOf` would treat it as known in advance.',
  fix: 'Correct `approvedOn` (and the revision id, which is the approval date) from the committee record. A change the committee has not approved yet is not a revision: add it once it is approved.',
  *check(ctx) {
    for (const r of ctx.revisions) {
      const approvedOn = stringField(r.raw, 'approvedOn');
      if (!isIsoDate(approvedOn) || checkApprovedByToday(approvedOn, ctx.today) === undefined)
        continue;
      yield {
        revisionIndex: r.index,
        field: 'approvedOn',
        message: `\`${approvedOn}\` is after today \`${ctx.today}\``,
      };
    }
  },
});
