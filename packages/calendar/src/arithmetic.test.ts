import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, subtractMonths } from './arithmetic.js';
import { dayNumber, isoOfDay } from './day-number.js';

const numRuns = Number(process.env.FC_NUM_RUNS ?? 100) * 5;
const plain = (d: string) => Temporal.PlainDate.from(d, { overflow: 'reject' });
// Every real day from 1000-01-01 to 9998-12-31 (four-digit years, with room to move).
const date = fc
  .integer({ min: dayNumber(1000, 1, 1), max: dayNumber(9998, 12, 31) })
  .map((n) => isoOfDay(n));
// Month ends and leap days: where clamping happens.
const edge = fc
  .record({
    y: fc.integer({ min: 1896, max: 2104 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.constantFrom(28, 29, 30, 31),
  })
  .map(({ y, m, d }) => isoOfDay(dayNumber(y, m, 1) + d - 1))
  .filter((d) => d.slice(8) !== '01');

describe('integer calendar arithmetic agrees with Temporal (property)', () => {
  it('addDays', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -200_000, max: 200_000 }), (d, n) => {
        const expected = plain(d).add({ days: n });
        fc.pre(expected.year >= 1000 && expected.year <= 9999);
        expect(addDays(d, n)).toBe(expected.toString());
      }),
      { numRuns },
    );
  });
  it('addMonths and subtractMonths, clamping to the end of a shorter month', () => {
    fc.assert(
      fc.property(fc.oneof(date, edge), fc.integer({ min: -1200, max: 1200 }), (d, n) => {
        const later = plain(d).add({ months: n }, { overflow: 'constrain' });
        const earlier = plain(d).subtract({ months: n }, { overflow: 'constrain' });
        fc.pre([later, earlier].every((x) => x.year >= 1000 && x.year <= 9999));
        expect(addMonths(d, n)).toBe(later.toString());
        expect(subtractMonths(d, n)).toBe(earlier.toString());
      }),
      { numRuns },
    );
  });
  it('daysBetween', () => {
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(daysBetween(a, b)).toBe(plain(a).until(plain(b), { largestUnit: 'days' }).days);
      }),
      { numRuns },
    );
  });
  it('refuses what is not a calendar date, as Temporal did', () => {
    for (const bad of ['2021-02-30', '2021-2-3', '', 'x'])
      expect(() => addDays(bad, 1)).toThrow(RangeError);
    expect(() => subtractMonths('2021-13-01', 1)).toThrow(RangeError);
    expect(() => daysBetween('2021-01-01', '2021-04-31')).toThrow(RangeError);
  });
});
