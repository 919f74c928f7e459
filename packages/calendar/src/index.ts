export {
  type IsoDate,
  IsoDateSchema,
  isIsoDate,
  parseIsoDate,
  assertIsoDate,
} from './iso-date.js';
export { addDays, subtractMonths, daysBetween, compareDates, maxDate, minDate } from './arithmetic.js';
