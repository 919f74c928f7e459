import { type IsoDate, isIsoDate } from '@criteria/calendar';
import { type FieldIssue, formatIssue } from '@criteria/errors';
import {
  checkApprovedByToday,
  checkEffectiveAfterApproval,
  checkNoticePeriod,
} from '@criteria/schema';

/** What the analyst answered (flags or prompts), before any check. */
export interface Answers {
  approved: string;
  effective: string;
  notice: boolean;
  summary: string;
  /**
   * The notice period in days (`--notice-days`); default: the period of the
   * policy's latest revision that requires notice.
   */
  noticeDays?: number;
}

/**
 * Why an approval date cannot be used, or undefined. With `today`, an approval
 * after today is refused: the committee has not met yet, so there is nothing to record.
 */
export function checkApproved(
  approved: string,
  latestApprovedOn: IsoDate,
  today?: IsoDate,
): FieldIssue | undefined {
  if (!isIsoDate(approved))
    return formatIssue('--approved', approved, 'a calendar date YYYY-MM-DD');
  if (today !== undefined && checkApprovedByToday(approved, today))
    return formatIssue(
      '--approved',
      approved,
      `on or before today (${today}): a revision is recorded after the committee approves it`,
    );
  if (approved <= latestApprovedOn)
    return formatIssue(
      '--approved',
      approved,
      `after the approval of the latest revision (${latestApprovedOn}): a new revision is approved after the ones before it`,
    );
  return undefined;
}

/**
 * Why an effective date cannot be used with this approval date and notice, or
 * undefined. The rules are `@criteria/schema`'s time rules, with the notice
 * period `periodDays` (null: none is known, so notice cannot be checked).
 */
export function checkEffective(
  effective: string,
  approved: IsoDate,
  notice: boolean,
  periodDays: number | null,
): FieldIssue | undefined {
  if (!isIsoDate(effective))
    return formatIssue('--effective', effective, 'a calendar date YYYY-MM-DD');
  if (checkEffectiveAfterApproval({ approvedOn: approved, effectiveOn: effective }))
    return formatIssue(
      '--effective',
      effective,
      `on or after the approval date ${approved}: a revision cannot take effect before it is approved`,
    );
  if (!notice || periodDays === null) return undefined;
  const breach = checkNoticePeriod({
    approvedOn: approved,
    effectiveOn: effective,
    notice: { required: true, periodDays },
  });
  return breach
    ? formatIssue(
        '--effective',
        effective,
        `${breach.earliestEffectiveOn} or later: with ${periodDays}-day notice the revision takes effect at least ${periodDays} days after approval ${approved} (it is ${breach.leadDays} days)`,
      )
    : undefined;
}

/** Why a summary cannot be used, or undefined. */
export function checkSummary(summary: string): FieldIssue | undefined {
  if (summary.trim() === '' || /[\r\n]/.test(summary))
    return formatIssue('--summary', summary, 'a one-line summary of the change');
  return undefined;
}

/** What the answers are checked against: the policy's latest revision, today, the notice period. */
export interface AnswerContext {
  latestApprovedOn: IsoDate;
  today?: IsoDate;
  /** The policy's notice period in days (its latest revision that requires notice); null when none does. */
  periodDays: number | null;
}

/**
 * Every reason the answers break the time rules (docs/readings.md, “Time rules” and “Advance notice”);
 * empty when they can be used. The notice period is `answers.noticeDays`, else the policy's.
 *
 * @example
 * checkAnswers({ approved: '2023-05-01', effective: '2023-06-01', notice: true, summary: 'x' }, { latestApprovedOn: '2023-01-10', periodDays: 60 })
 * // => [{ path: '--effective', message: '--effective: `2023-06-01` is not 2023-06-30 or later: ...' }]
 */
export function checkAnswers(answers: Answers, context: AnswerContext): FieldIssue[] {
  const periodDays = answers.noticeDays ?? context.periodDays;
  const approved = checkApproved(answers.approved, context.latestApprovedOn, context.today);
  const effective = isIsoDate(answers.approved)
    ? checkEffective(answers.effective, answers.approved, answers.notice, periodDays)
    : isIsoDate(answers.effective)
      ? undefined
      : formatIssue('--effective', answers.effective, 'a calendar date YYYY-MM-DD');
  const period =
    answers.notice && periodDays === null
      ? formatIssue(
          '--notice-days',
          '',
          'a notice period in days: no revision of the policy requires notice, so there is none to copy',
        )
      : undefined;
  return [approved, effective, period, checkSummary(answers.summary)].filter(
    (i): i is FieldIssue => i !== undefined,
  );
}
