import { dayNumber, isoOfDay } from './day-number.js';
import { type IsoDate, isIsoDate } from './iso-date.js';

/**
 * Calendar arithmetic on `YYYY-MM-DD` strings with integers only (day numbers,
 * month counts): no date library to load, no JS `Date`, no time zone. Property
 * tests hold every function equal to Temporal's answer.
 */

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (year: number, month: number) =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
    ? 29
    : (DAYS[month - 1] as number);

/** Year, month, day of a valid date; a RangeError for anything else. */
function parts(date: IsoDate): [number, number, number] {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date YYYY-MM-DD: ${String(date)}`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

const day = (date: IsoDate) => dayNumber(...parts(date));

/** `date` moved by whole months, clamped to the end of a shorter month. */
function shiftMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return isoOfDay(dayNumber(year, month, Math.min(d, daysIn(year, month))));
}

/**
 * `date` plus `days` (negative to go back).
 *
 * @example addDays('2021-08-01', -60) // => '2021-06-02'
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  return isoOfDay(day(date) + days);
}

/**
 * `date` minus whole calendar months, clamping to the end of a shorter month.
 *
 * @example subtractMonths('2021-08-31', 6) // => '2021-02-28'
 */
export function subtractMonths(date: IsoDate, months: number): IsoDate {
  return shiftMonths(date, -months);
}

/**
 * `date` plus whole calendar months, clamping to the end of a shorter month.
 *
 * @example addMonths('2024-02-29', 12) // => '2025-02-28'
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return shiftMonths(date, months);
}

/**
 * Whole days from `from` to `to` (negative when `to` is earlier).
 *
 * @example daysBetween('2021-03-02', '2021-08-01') // => 152
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return day(to) - day(from);
}

/** -1, 0 or 1, in calendar order. ISO dates of four-digit years order as strings. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The later of two dates. */
export const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? b : a);
/** The earlier of two dates. */
export const minDate = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
