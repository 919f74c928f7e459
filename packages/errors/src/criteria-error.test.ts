import { describe, expect, it } from 'vitest';
import { CriteriaError, formatIssue, listIssues } from './criteria-error.js';

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
    expect(formatIssue('a', cyclic, 'acyclic').message).toBe(
      'a: `{"self":{"self":{"self":{...}}}}` is not acyclic',
    );
    expect(formatIssue('a', 10n, 'a number').message).toBe('a: `10` is not a number');
  });
});

describe('formatIssue on hostile values', () => {
  it('formats a value nested 100,000 deep in a short message instead of overflowing the stack', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const issue = formatIssue('procedureCodes.0', deep, 'a string');
    expect(issue.message).toBe('procedureCodes.0: `[[[[...]]]]` is not a string');
    const object = JSON.parse(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`);
    expect(formatIssue('requestId', object, 'a string').message).toBe(
      'requestId: `{"a":{"a":{"a":{...}}}}` is not a string',
    );
  });
  it('bounds a huge list or object to one short preview', () => {
    const issue = formatIssue(
      'x',
      Array.from({ length: 1_000_000 }, (_, i) => i),
      'short',
    );
    expect(issue.message.length).toBeLessThan(80);
    expect(issue.message).toMatch(/^x: `\[0,1,2,.*\.\.\.` is not short$/);
  });
  it('survives getters that throw', () => {
    const evil = {
      get a() {
        throw new Error('boom');
      },
    };
    expect(formatIssue('x', evil, 'plain').message).toBe(
      'x: `(a value that cannot be shown)` is not plain',
    );
  });
  it('escapes control characters JSON-style, in the value and the path', () => {
    expect(formatIssue('--date', '2021-01-01\u0001', 'a calendar date').message).toBe(
      '--date: `2021-01-01\\u0001` is not a calendar date',
    );
    expect(formatIssue('a\u001b[31m', 'x\u001b]0;pwned\u0007\n', 'y').message).toBe(
      'a\\u001b[31m: `x\\u001b]0;pwned\\u0007\\n` is not y',
    );
    expect(formatIssue('x', 'abc\u202edef', 'y').message).toBe('x: `abc\\u202edef` is not y');
  });
});

describe('formatIssue without the input (reportInput: false)', () => {
  it('carries no value and names only the kind of value', () => {
    const issue = formatIssue('dateOfService', '2021-02-30', 'a calendar date', {
      reportInput: false,
    });
    expect(issue).toEqual({
      path: 'dateOfService',
      expected: 'a calendar date',
      message: 'dateOfService: the string given is not a calendar date',
    });
    expect('value' in issue).toBe(false);
    expect(formatIssue('', [], 'an object', { reportInput: false }).message).toBe(
      'input: the list given is not an object',
    );
    expect(formatIssue('x', undefined, 'a string', { reportInput: false }).message).toBe(
      'x: nothing is not a string',
    );
  });
});

describe('listIssues', () => {
  it('lists the first N messages, then how many more; repeated messages once', () => {
    const issues = Array.from({ length: 10_000 }, (_, i) =>
      formatIssue(`procedureCodes.${i}`, 'bad', 'a CPT code'),
    );
    const lines = listIssues(issues, 3);
    expect(lines).toEqual([
      'procedureCodes.0: `bad` is not a CPT code',
      'procedureCodes.1: `bad` is not a CPT code',
      'procedureCodes.2: `bad` is not a CPT code',
      'and 9,997 more',
    ]);
    const same = formatIssue('x', 1, 'y');
    expect(listIssues([same, same, same])).toEqual(['x: `1` is not y']);
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
