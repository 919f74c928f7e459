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
  type IsoDate,
  IsoDateSchema,
  isIsoDate,
  parseIsoDate,
} from './iso-date.js';
