import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldIssuesFromZod } from './field-issues.js';

const Schema = z
  .object({ date: z.string().length(10), member: z.record(z.string(), z.string()).optional() })
  .strict();
const input = { date: 'Jane Doe, born 1970-01-01', member: { name: 42 }, '\u001b[2J': 1 };
const issues = (options?: Parameters<typeof fieldIssuesFromZod>[2]) => {
  const r = Schema.safeParse(input);
  if (r.success) throw new Error('expected a failure');
  return fieldIssuesFromZod(r.error, input, options);
};

describe('fieldIssuesFromZod', () => {
  it('leaves the input out by default, as zod 4 does', () => {
    const found = issues();
    expect(found.map((i) => i.message)).toEqual([
      'date: the string given is not at most 10 characters long',
      'member.name: the number given is not a string',
      '\\u001b[2J: is not a known field',
    ]);
    expect(found.every((i) => !('value' in i))).toBe(true);
    expect(JSON.stringify(found)).not.toContain('Jane');
  });

  it('shows values when asked, but never under a field named in neverReport', () => {
    const found = issues({ reportInput: true, neverReport: ['member'] });
    expect(found.map((i) => i.message)).toEqual([
      'date: `Jane Doe, born 1970-01-01` is not at most 10 characters long',
      'member.name: the number given is not a string',
      '\\u001b[2J: is not a known field',
    ]);
    expect(found[0]?.value).toBe('Jane Doe, born 1970-01-01');
    expect('value' in (found[1] ?? {})).toBe(false);
  });
});
