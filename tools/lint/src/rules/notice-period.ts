import { isIsoDate } from '@criteria/calendar';
import { checkNoticePeriod } from '@criteria/schema';
import { field, stringField } from '../internal/raw.js';
import { defineRule } from '../rule.js';

export const noticePeriod = defineRule({
  id: 'notice-period',
  severity: 'error',
  title:
    'A revision that requires notice is approved at least the notice period before it takes effect',
  rationale:
    'Providers must receive the notice `periodDays` (60) days before the change takes effect, so it is due by `effectiveOn` minus the period; a revision approved after that day cannot have been noticed in time.',
  fix: 'Move `effectiveOn` to `approvedOn` plus the notice period or later (the message gives the date), or correct `approvedOn` if it was mistyped.',
  *check(ctx) {
    for (const r of ctx.revisions) {
      const notice = field(r.raw, 'notice');
      const periodDays = field(notice, 'periodDays');
      const approvedOn = stringField(r.raw, 'approvedOn');
      const effectiveOn = stringField(r.raw, 'effectiveOn');
      if (field(notice, 'required') !== true) continue;
      if (typeof periodDays !== 'number' || !Number.isInteger(periodDays) || periodDays < 1)
        continue;
      if (!isIsoDate(approvedOn) || !isIsoDate(effectiveOn) || effectiveOn < approvedOn) continue;
      // The rule itself is @criteria/schema's (the notice and new-revision apply the same one).
      const breach = checkNoticePeriod({
        approvedOn,
        effectiveOn,
        notice: { required: true, periodDays },
      });
      if (breach === undefined) continue;
      yield {
        revisionIndex: r.index,
        field: 'notice',
        message: `a ${periodDays}-day notice is required, so it is due by \`${breach.dueBy}\` (effectiveOn \`${effectiveOn}\` minus ${periodDays} days), but the revision is approved \`${approvedOn}\`, only ${breach.leadDays} days before it takes effect`,
        fix: `Move effectiveOn to \`${breach.earliestEffectiveOn}\` or later (approvedOn plus ${periodDays} days), or correct approvedOn if it was mistyped.`,
      };
    }
  },
});
