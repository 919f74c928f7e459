import { describe, expect, it } from 'vitest';
import { CriteriaError, formatIssue } from './criteria-error.js';

describe('formatIssue', () => {
  it('names the field, shows the value in backticks and says what was expected', () => {
    expect(
      formatIssue('lineOfBusiness', 'medicaid', 'one of `medicare`, `commercial`').message,
    ).toBe('lineOfBusiness: `medicaid` is not one of `medicare`, `commercial`');
    expect(formatIssue('', 42, 'an object').message).toBe('input: `42` is not an object');
    expect(formatIssue('x', undefined, 'a string').message).toBe('x: nothing is not a string');
  });
  it('shortens long values and survives values JSON cannot print', () => {
    expect(formatIssue('a', 'x'.repeat(100), 'short').message).toBe(
      `a: \`${'x'.repeat(57)}...\` is not short`,
    );
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(formatIssue('a', cyclic, 'acyclic').message).toBe('a: `[object Object]` is not acyclic');
    expect(formatIssue('a', 10n, 'a number').message).toBe('a: `10` is not a number');
  });
});

describe('CriteriaError', () => {
  it('carries a stable code and its issues, and serialises without a stack', () => {
    const e = new CriteriaError('invalid_date', [formatIssue('date', '2021-2-3', 'a date')]);
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toBe('date: `2021-2-3` is not a date');
    expect(JSON.parse(JSON.stringify(e))).toEqual({
      code: 'invalid_date',
      message: 'date: `2021-2-3` is not a date',
      issues: [
        {
          path: 'date',
          value: '2021-2-3',
          expected: 'a date',
          message: 'date: `2021-2-3` is not a date',
        },
      ],
    });
  });
});
