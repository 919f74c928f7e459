import {
  CriteriaError,
  err,
  type FieldIssue,
  formatIssue,
  ok,
  type Result,
} from '@criteria/errors';

/**
 * A calendar date written `YYYY-MM-DD`. A plain string at run time, so it
 * serialises as itself and compares by `<` in date order; never a JS `Date`, so
 * no time zone can move it.
 */
export type IsoDate = string;

const DASH = 0x2d;
/** What a date must be, as issues say it. */
export const EXPECTED = 'a calendar date YYYY-MM-DD';
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True when `value` is a string of the form YYYY-MM-DD naming a real day of the
 * proleptic Gregorian calendar. Checked with integers, not a date parser: this
 * runs on every date of every request (a test holds it equal to Temporal's answer).
 */
export function isIsoDate(value: unknown): value is IsoDate {
  // The shape /^\d{4}-\d{2}-\d{2}$/, checked by character codes: no match object, no substrings.
  if (typeof value !== 'string' || value.length !== 10) return false;
  if (value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  if (year < 0 || month < 0 || day < 0) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS[month - 1] as number));
}

/** The number the ASCII digits of `s` from `start` to `end` write; -1 when one is not a digit. */
function digits(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Validates a date a user wrote.
 *
 * @example
 * parseIsoDate('2021-02-30', 'dateOfService')
 * // => { ok: false, issues: [{ path: 'dateOfService', message: 'dateOfService: `2021-02-30` is not a calendar date YYYY-MM-DD', ... }] }
 */
export function parseIsoDate(value: unknown, path = 'date'): Result<IsoDate, FieldIssue> {
  return isIsoDate(value) ? ok(value) : err([formatIssue(path, value, EXPECTED)]);
}

/**
 * Like {@link parseIsoDate} but throws a {@link CriteriaError} with code
 * `invalid_date`, for library entry points whose contract is "valid date or error".
 */
export function assertIsoDate(value: unknown, path = 'date'): IsoDate {
  const result = parseIsoDate(value, path);
  if (!result.ok) throw new CriteriaError('invalid_date', result.issues);
  return result.value;
}
