import { addMonths, daysBetween, isIsoDate, maxDate } from '@criteria/calendar';
import { field } from '../internal/raw.js';
import { defineRule } from '../rule.js';

export const reviewOverdue = defineRule({
  id: 'review-overdue',
  severity: 'warning',
  title: 'The policy has been reviewed within its review interval (annual)',
  rationale:
    'The committee reviews every policy once a year (`record.reviewIntervalMonths`); a policy whose last review is more than that many months before today is overdue. A warning: the data is not wrong, the review is late.',
  fix: 'Have the committee review the policy, then add the review date to `record.reviewedOn` with a citation of the source line that records it. The warning names the date the review fell due.',
  *check(ctx) {
    const record = field(ctx.input, 'record');
    const reviewedOn = field(record, 'reviewedOn');
    const interval = field(record, 'reviewIntervalMonths');
    if (!Array.isArray(reviewedOn) || typeof interval !== 'number' || !Number.isInteger(interval))
      return;
    const dates = reviewedOn.filter(isIsoDate);
    if (dates.length === 0 || interval < 1) return;
    const last = dates.reduce(maxDate);
    const due = addMonths(last, interval);
    if (ctx.today <= due) return;
    yield {
      field: 'record.reviewedOn',
      message: `the last review is \`${last}\`; the review fell due on \`${due}\` (${interval} months later) and is ${daysBetween(due, ctx.today)} days overdue on \`${ctx.today}\``,
    };
  },
});
