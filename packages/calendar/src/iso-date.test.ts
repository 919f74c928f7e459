import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, subtractMonths } from './arithmetic.js';
import { assertIsoDate, isIsoDate, parseIsoDate } from './iso-date.js';

describe('isIsoDate', () => {
  it.each(['2021-02-28', '2020-02-29', '2000-02-29', '1999-12-31'])('accepts %s', (d) => {
    expect(isIsoDate(d)).toBe(true);
  });
  it.each([
    '2021-02-30',
    '2021-2-3',
    '',
    '2021-13-01',
    '2021-00-10',
    '1900-02-29',
    '2021-02-03T00:00',
    '+002021-02-03',
    ' 2021-02-03',
    20210203,
    null,
  ])('rejects %j', (d) => {
    expect(isIsoDate(d)).toBe(false);
  });
});

describe('parseIsoDate', () => {
  it('names the field and the value', () => {
    const r = parseIsoDate('2021-02-30', 'dateOfService');
    expect(r).toEqual({
      ok: false,
      issues: [
        {
          path: 'dateOfService',
          value: '2021-02-30',
          expected: 'a calendar date YYYY-MM-DD',
          message: 'dateOfService: `2021-02-30` is not a calendar date YYYY-MM-DD',
        },
      ],
    });
  });
  it('assertIsoDate throws a CriteriaError with code invalid_date', () => {
    expect(() => assertIsoDate('2021-2-3', 'asOf')).toThrowError(
      expect.objectContaining({
        code: 'invalid_date',
        message: 'asOf: `2021-2-3` is not a calendar date YYYY-MM-DD',
      }),
    );
  });
});

describe('arithmetic', () => {
  it('subtracts calendar months, clamping at month end', () => {
    expect(subtractMonths('2021-08-31', 6)).toBe('2021-02-28');
    expect(subtractMonths('2024-08-31', 6)).toBe('2024-02-29');
    expect(subtractMonths('2021-03-15', 6)).toBe('2020-09-15');
  });
  it('adds calendar months, clamping at month end (annual review due dates)', () => {
    expect(addMonths('2024-04-02', 12)).toBe('2025-04-02');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
  });
  it('adds days across month and year ends', () => {
    expect(addDays('2021-08-01', -60)).toBe('2021-06-02');
    expect(addDays('2023-06-01', -60)).toBe('2023-04-02');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
  });
  it('addDays and daysBetween are inverse (property)', () => {
    const date = fc
      .record({ y: fc.integer({ min: 1990, max: 2060 }), doy: fc.integer({ min: 0, max: 364 }) })
      .map(({ y, doy }) => addDays(`${y}-01-01`, doy));
    fc.assert(
      fc.property(date, fc.integer({ min: -4000, max: 4000 }), (d, n) => {
        const moved = addDays(d, n);
        expect(isIsoDate(moved)).toBe(true);
        expect(daysBetween(d, moved)).toBe(n);
        expect(moved < d).toBe(n < 0);
      }),
    );
  });
});

describe('isIsoDate agrees with Temporal (property)', () => {
  const digits = (n: number) =>
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
  it('on every string of the shape NNNN-NN-NN', () => {
    fc.assert(
      fc.property(
        digits(4),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          let temporal: boolean;
          try {
            Temporal.PlainDate.from(text, { overflow: 'reject' });
            temporal = true;
          } catch {
            temporal = false;
          }
          expect(isIsoDate(text)).toBe(temporal);
        },
      ),
    );
  });
});

describe('isIsoDate reads the shape as the regex /^\\d{4}-\\d{2}-\\d{2}$/ does (property)', () => {
  const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
  const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  // The implementation before the character-code rewrite, kept as the oracle.
  const byRegex = (value: string) => {
    const m = SHAPE.exec(value);
    if (m === null) return false;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month < 1 || month > 12 || day < 1) return false;
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return day <= (month === 2 && leap ? 29 : (DAYS[month - 1] as number));
  };
  // Near-dates: digits, dashes and the characters a regex could confuse with them.
  const near = fc
    .array(fc.constantFrom(...'0123456789-/ \n+.٣０'.split(''), '12', '2021-'), { maxLength: 14 })
    .map((parts) => parts.join(''));
  it('on arbitrary and near-date strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), near), (text) => {
        expect(isIsoDate(text)).toBe(byRegex(text));
      }),
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 100) * 10 },
    );
  });
});
