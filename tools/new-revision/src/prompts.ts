import * as p from '@clack/prompts';
import { isIsoDate } from '@criteria/calendar';
import type { Answers } from './time-rules.js';
import { checkEffective, checkSummary } from './time-rules.js';

/**
 * Asks, on the terminal, for every answer no flag gave (approval date,
 * effective date, notice, summary), checking each as it is typed. Null when
 * the analyst cancels.
 */
export async function askOnTerminal(
  given: Partial<Answers>,
  { policy, periodDays }: { policy: string; periodDays: number | null },
): Promise<Answers | null> {
  p.intro(`new revision of ${policy}`);
  const approved =
    given.approved ??
    (await p.text({
      message: 'Approval date (the committee meeting), YYYY-MM-DD',
      placeholder: 'YYYY-MM-DD',
      validate: (v) => (isIsoDate(v) ? undefined : 'expected a calendar date YYYY-MM-DD'),
    }));
  if (p.isCancel(approved)) return null;
  const notice =
    given.notice ??
    (await p.confirm({
      message: `Does it require advance notice to providers${periodDays === null ? '' : ` (${periodDays} days)`}?`,
    }));
  if (p.isCancel(notice)) return null;
  const effective =
    given.effective ??
    (await p.text({
      message: 'Effective date (first date of service it governs), YYYY-MM-DD',
      placeholder: 'YYYY-MM-DD',
      validate: (v) => {
        const issue = isIsoDate(approved)
          ? checkEffective(v ?? '', approved, notice, periodDays)
          : undefined;
        return issue?.message;
      },
    }));
  if (p.isCancel(effective)) return null;
  const summary =
    given.summary ??
    (await p.text({
      message: "One-line summary, in the revision table's words",
      validate: (v) => checkSummary(v ?? '')?.message,
    }));
  if (p.isCancel(summary)) return null;
  p.outro('checking the dates against the time rules');
  return { approved, effective, notice, summary };
}
