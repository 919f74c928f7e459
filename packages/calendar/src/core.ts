/**
 * `@criteria/calendar/core`: everything of the package but the zod schema
 * (`IsoDateSchema` is in the main entry), so importing it loads no zod.
 * The evaluator's run-time path imports this entry point.
 */
export {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  maxDate,
  minDate,
  subtractMonths,
} from './arithmetic.js';
export { dayNumber, isoOfDay } from './day-number.js';
export {
  assertIsoDate,
  /** What a date must be, as issues say it (the main entry's zod schema says the same). */
  EXPECTED as ISO_DATE_EXPECTED,
  type IsoDate,
  isIsoDate,
  parseIsoDate,
} from './iso-date.js';
