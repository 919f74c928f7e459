import { assertIsoDate, type IsoDate } from '@criteria/calendar/core';
import type { CriteriaSource } from '@criteria/schema/core';

/** A criteria source's standing on one date. */
export type SourceStatus =
  | { status: 'active'; applied: true }
  | { status: 'retired'; retiredOn: IsoDate; applied: boolean };

/**
 * Whether a criteria source is active on `date`, or retired since a date and
 * still applied (Noridian retired LCD L34080 on 2020-08-01; the plan still uses it).
 *
 * @example sourceStatus(l34080, '2021-09-01') // => { status: 'retired', retiredOn: '2020-08-01', applied: true }
 */
export function sourceStatus(
  source: Pick<CriteriaSource, 'retirement'>,
  date: IsoDate,
): SourceStatus {
  assertIsoDate(date, 'date');
  const r = source.retirement;
  if (r === undefined || date < r.on) return { status: 'active', applied: true };
  return { status: 'retired', retiredOn: r.on, applied: r.stillApplied };
}
