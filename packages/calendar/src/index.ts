export {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  maxDate,
  minDate,
  subtractMonths,
} from './arithmetic.js';
export {
  assertIsoDate,
  type IsoDate,
  IsoDateSchema,
  isIsoDate,
  parseIsoDate,
} from './iso-date.js';
