import { addDays, daysBetween, type IsoDate, isIsoDate } from '@criteria/calendar';
import { type FieldIssue, formatIssue } from '@criteria/errors';

/** The plan's advance-notice period for providers, in days (docs/readings.md, “Advance notice”). */
export const NOTICE_PERIOD_DAYS = 60;

/** What the analyst answered (flags or prompts), before any check. */
export interface Answers {
  approved: string;
  effective: string;
  notice: boolean;
  summary: string;
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
  if (today !== undefined && approved > today)
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

/** Why an effective date cannot be used with this approval date and notice, or undefined. */
export function checkEffective(
  effective: string,
  approved: IsoDate,
  notice: boolean,
): FieldIssue | undefined {
  if (!isIsoDate(effective))
    return formatIssue('--effective', effective, 'a calendar date YYYY-MM-DD');
  if (effective < approved)
    return formatIssue(
      '--effective',
      effective,
      `on or after the approval date ${approved}: a revision cannot take effect before it is approved`,
    );
  if (notice && daysBetween(approved, effective) < NOTICE_PERIOD_DAYS)
    return formatIssue(
      '--effective',
      effective,
      `${addDays(approved, NOTICE_PERIOD_DAYS)} or later: with ${NOTICE_PERIOD_DAYS}-day notice the revision takes effect at least ${NOTICE_PERIOD_DAYS} days after approval ${approved} (it is ${daysBetween(approved, effective)} days)`,
    );
  return undefined;
}

/** Why a summary cannot be used, or undefined. */
export function checkSummary(summary: string): FieldIssue | undefined {
  if (summary.trim() === '' || /[\r\n]/.test(summary))
    return formatIssue('--summary', summary, 'a one-line summary of the change');
  return undefined;
}

/**
 * Every reason the answers break the time rules (docs/readings.md, “Time rules” and “Advance notice”);
 * empty when they can be used.
 *
 * @example
 * checkAnswers({ approved: '2023-05-01', effective: '2023-06-01', notice: true, summary: 'x' }, '2023-01-10')
 * // => [{ path: '--effective', message: '--effective: `2023-06-01` is not 2023-06-30 or later: ...' }]
 */
export function checkAnswers(
  answers: Answers,
  latestApprovedOn: IsoDate,
  today?: IsoDate,
): FieldIssue[] {
  const approved = checkApproved(answers.approved, latestApprovedOn, today);
  const effective = isIsoDate(answers.approved)
    ? checkEffective(answers.effective, answers.approved, answers.notice)
    : isIsoDate(answers.effective)
      ? undefined
      : formatIssue('--effective', answers.effective, 'a calendar date YYYY-MM-DD');
  return [approved, effective, checkSummary(answers.summary)].filter(
    (i): i is FieldIssue => i !== undefined,
  );
}
