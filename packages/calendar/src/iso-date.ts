import {
  CriteriaError,
  err,
  type FieldIssue,
  formatIssue,
  ok,
  type Result,
} from '@criteria/errors';
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';

/**
 * A calendar date written `YYYY-MM-DD`. A plain string at run time, so it
 * serialises as itself and compares by `<` in date order; never a JS `Date`, so
 * no time zone can move it.
 */
export type IsoDate = string;

const SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const EXPECTED = 'a calendar date YYYY-MM-DD';

/** True when `value` is a string of the form YYYY-MM-DD naming a real day. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !SHAPE.test(value)) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
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

/** Zod schema for {@link IsoDate}: the shape and a real calendar day. */
export const IsoDateSchema = z.string().refine(isIsoDate, { message: `expected ${EXPECTED}` });
