import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './arithmetic.js';
import { dayNumber, isoOfDay } from './day-number.js';
import { isIsoDate } from './iso-date.js';

describe('civil dates', () => {
  it('knows fixed points', () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(isoOfDay(0)).toBe('1970-01-01');
    expect(isoOfDay(dayNumber(2024, 2, 29) + 1)).toBe('2024-03-01');
    expect(isoOfDay(dayNumber(2021, 8, 1) - 60)).toBe('2021-06-02');
  });

  it('round-trips every day from 1900 to 2200 and writes only real calendar dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber(1900, 1, 1), max: dayNumber(2200, 12, 31) }), (n) => {
        const iso = isoOfDay(n);
        expect(isIsoDate(iso)).toBe(true);
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        expect(dayNumber(y, m, d)).toBe(n);
        expect(isoOfDay(n + 1) > iso).toBe(true);
      }),
    );
  });
});

describe('day numbers agree with Temporal arithmetic (property)', () => {
  it('isoOfDay(n + k) is addDays(isoOfDay(n), k)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayNumber(1990, 1, 1), max: dayNumber(2060, 12, 31) }),
        fc.integer({ min: -800, max: 800 }),
        (n, k) => {
          expect(isoOfDay(n + k)).toBe(addDays(isoOfDay(n), k));
        },
      ),
    );
  });
});
