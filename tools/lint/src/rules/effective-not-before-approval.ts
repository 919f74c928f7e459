import { isIsoDate } from '@criteria/calendar';
import { checkEffectiveAfterApproval } from '@criteria/schema';
import { stringField } from '../internal/raw.js';
import { defineRule } from '../rule.js';

export const effectiveNotBeforeApproval = defineRule({
  id: 'effective-not-before-approval',
  severity: 'error',
  title: '`effectiveOn` is not before `approvedOn`',
  rationale:
    'A revision governs dates of service from `effectiveOn`; it cannot govern any date before the committee approved it.',
  fix: 'Correct `effectiveOn` (or `approvedOn`) from the committee record. When the source states no effective date, use the approval date, set `effectiveOnBasis` to `assumed` and say so in a reading.',
  *check(ctx) {
    for (const r of ctx.revisions) {
      const approvedOn = stringField(r.raw, 'approvedOn');
      const effectiveOn = stringField(r.raw, 'effectiveOn');
      if (!isIsoDate(approvedOn) || !isIsoDate(effectiveOn)) continue;
      if (checkEffectiveAfterApproval({ approvedOn, effectiveOn }) === undefined) continue;
      yield {
        revisionIndex: r.index,
        field: 'effectiveOn',
        message: `\`${effectiveOn}\` is before approvedOn \`${approvedOn}\``,
      };
    }
  },
});
