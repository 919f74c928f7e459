import { addDays, daysBetween, type IsoDate } from '@criteria/calendar';

/** What the time rules read of a revision: its dates and its notice terms. */
export interface RevisionTimes {
  readonly approvedOn: IsoDate;
  readonly effectiveOn: IsoDate;
  readonly notice: { readonly required: boolean; readonly periodDays: number | null };
}

/**
 * The last day to send a revision's notice to providers: `effectiveOn` minus
 * the notice period; null when the revision requires no notice (or states no period).
 *
 * @example noticeDueBy(imrt.revisions[6]) // => '2021-06-02' (2021-08-01 minus 60 days)
 */
export function noticeDueBy(r: RevisionTimes): IsoDate | null {
  return r.notice.required && r.notice.periodDays !== null
    ? addDays(r.effectiveOn, -r.notice.periodDays)
    : null;
}

/**
 * Days from approval to effect.
 *
 * @example leadDays(imrt.revisions[7]) // => 142 (2023-01-10 to 2023-06-01)
 */
export const leadDays = (r: Pick<RevisionTimes, 'approvedOn' | 'effectiveOn'>): number =>
  daysBetween(r.approvedOn, r.effectiveOn);

/**
 * A break of the time rules, as data: lint, `new-revision` and the notice word
 * it for their own readers.
 */
export type TimeRuleBreach =
  | {
      /** The revision would take effect before the committee approved it. */
      rule: 'effective-before-approval';
      approvedOn: IsoDate;
      effectiveOn: IsoDate;
    }
  | {
      /** Approved after the notice was due: providers cannot have had the notice period. */
      rule: 'notice-period';
      approvedOn: IsoDate;
      effectiveOn: IsoDate;
      periodDays: number;
      /** `effectiveOn` minus the period. */
      dueBy: IsoDate;
      /** `approvedOn` plus the period: the first effective date that keeps the rule. */
      earliestEffectiveOn: IsoDate;
      leadDays: number;
    }
  | {
      /** An approval after today records a meeting that has not happened. */
      rule: 'approved-after-today';
      approvedOn: IsoDate;
      today: IsoDate;
    };

/**
 * The notice-period rule: a revision that requires notice is approved on or
 * before its notice is due (`effectiveOn` minus `periodDays`), i.e. at least
 * the period before it takes effect. Undefined when kept, or when it does not apply.
 *
 * @example checkNoticePeriod({ approvedOn: '2023-05-01', effectiveOn: '2023-06-01', notice: { required: true, periodDays: 60 } })?.earliestEffectiveOn // => '2023-06-30'
 */
export function checkNoticePeriod(r: RevisionTimes): Breach<'notice-period'> | undefined {
  const dueBy = noticeDueBy(r);
  if (dueBy === null || r.notice.periodDays === null || r.approvedOn <= dueBy) return undefined;
  return {
    rule: 'notice-period',
    approvedOn: r.approvedOn,
    effectiveOn: r.effectiveOn,
    periodDays: r.notice.periodDays,
    dueBy,
    earliestEffectiveOn: addDays(r.approvedOn, r.notice.periodDays),
    leadDays: leadDays(r),
  };
}

type Breach<R extends TimeRuleBreach['rule']> = Extract<TimeRuleBreach, { rule: R }>;

/**
 * A revision takes effect on or after its approval. Undefined when kept.
 *
 * @example checkEffectiveAfterApproval({ approvedOn: '2027-01-05', effectiveOn: '2027-01-04' })?.rule // => 'effective-before-approval'
 */
export function checkEffectiveAfterApproval(
  r: Pick<RevisionTimes, 'approvedOn' | 'effectiveOn'>,
): Breach<'effective-before-approval'> | undefined {
  return r.effectiveOn < r.approvedOn
    ? { rule: 'effective-before-approval', approvedOn: r.approvedOn, effectiveOn: r.effectiveOn }
    : undefined;
}

/**
 * A revision is recorded once the committee has approved it: not approved after
 * `today`. Undefined when kept.
 *
 * @example checkApprovedByToday('2027-01-05', '2026-12-01')?.rule // => 'approved-after-today'
 */
export function checkApprovedByToday(
  approvedOn: IsoDate,
  today: IsoDate,
): Breach<'approved-after-today'> | undefined {
  return approvedOn > today ? { rule: 'approved-after-today', approvedOn, today } : undefined;
}

/**
 * Every break of the time rules by one revision's dates (docs/readings.md, “Time
 * rules” and “Advance notice”): it takes effect on or after its approval; with
 * notice, it is approved by the notice's due date; with `today`, it is not
 * approved after today. The notice rule is judged only for a revision that
 * takes effect on or after its approval (else the first rule says what is wrong).
 *
 * @example timeRuleBreaches({ approvedOn: '2027-01-05', effectiveOn: '2027-01-04', notice: { required: false, periodDays: null } }).map((b) => b.rule) // => ['effective-before-approval']
 */
export function timeRuleBreaches(
  r: RevisionTimes,
  { today }: { today?: IsoDate } = {},
): TimeRuleBreach[] {
  const order = checkEffectiveAfterApproval(r);
  return [
    today === undefined ? undefined : checkApprovedByToday(r.approvedOn, today),
    order,
    order === undefined ? checkNoticePeriod(r) : undefined,
  ].filter((b): b is TimeRuleBreach => b !== undefined);
}
