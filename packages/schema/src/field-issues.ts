import { type FieldIssue, formatIssue } from '@criteria/errors';
import type { z } from 'zod';

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown => {
  let here: unknown = input;
  for (const key of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
};

const expectation = (issue: z.core.$ZodIssue): string => {
  const message = issue.message.replace(/^expected /i, '').replace(/^Invalid input: expected /, '');
  if (issue.code === 'invalid_type')
    return `${issue.expected === 'object' ? 'an' : 'a'} ${issue.expected}`;
  if (issue.code === 'invalid_value')
    return `one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`;
  if (issue.code === 'unrecognized_keys')
    return `a known field (unexpected ${issue.keys.join(', ')})`;
  return message;
};

/**
 * Turns a zod error into field issues that name the path, the value found and
 * what was expected. The value is read from the input, not from zod, so it is
 * exactly what the user wrote.
 *
 * @example
 * const r = RequestSchema.safeParse(input);
 * if (!r.success) return err(fieldIssuesFromZod(r.error, input));
 */
export function fieldIssuesFromZod(error: z.core.$ZodError, input: unknown): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const value =
      issue.code === 'unrecognized_keys' ? valueAt(input, issue.path) : valueAt(input, issue.path);
    return formatIssue(path, value, expectation(issue));
  });
}
