import { Temporal } from 'temporal-polyfill';
import type { IsoDate } from './iso-date.js';

const plain = (date: IsoDate) => Temporal.PlainDate.from(date, { overflow: 'reject' });

/**
 * `date` plus `days` (negative to go back).
 *
 * @example addDays('2021-08-01', -60) // => '2021-06-02'
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  return plain(date).add({ days }).toString();
}

/**
 * `date` minus whole calendar months, clamping to the end of a shorter month.
 *
 * @example subtractMonths('2021-08-31', 6) // => '2021-02-28'
 */
export function subtractMonths(date: IsoDate, months: number): IsoDate {
  return plain(date).subtract({ months }, { overflow: 'constrain' }).toString();
}

/**
 * `date` plus whole calendar months, clamping to the end of a shorter month.
 *
 * @example addMonths('2024-02-29', 12) // => '2025-02-28'
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return plain(date).add({ months }, { overflow: 'constrain' }).toString();
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier).
 *
 * @example daysBetween('2021-03-02', '2021-08-01') // => 152
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return plain(from).until(plain(to), { largestUnit: 'days' }).days;
}

/** -1, 0 or 1, in calendar order. ISO dates of four-digit years order as strings. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The later of two dates. */
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? b : a);
/** The earlier of two dates. */
export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
