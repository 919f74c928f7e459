import { escapeControl, type FieldIssue, formatIssue, type IssueOptions } from '@criteria/errors';
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
  switch (issue.code) {
    case 'invalid_type':
      return `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `a list of at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`
        : issue.origin === 'string'
          ? `at least ${issue.minimum} character${issue.minimum === 1 ? '' : 's'} long`
          : `at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `a list of at most ${issue.maximum} items`
        : issue.origin === 'string'
          ? `at most ${issue.maximum} characters long`
          : `at most ${issue.maximum}`;
    default:
      return issue.message.replace(/^Invalid input: /, '').replace(/^expected /i, '');
  }
};

/** Options of {@link fieldIssuesFromZod}. */
export interface FieldIssuesOptions extends IssueOptions {
  /**
   * Top-level fields whose values are never shown, even with `reportInput`
   * (a request's `member`).
   */
  neverReport?: readonly string[];
}

/**
 * Turns a zod error into field issues that name the path and what was
 * expected. As in zod 4, the value found is left out unless `reportInput` is
 * true; then it is read from the input, not from zod, so it is exactly what the
 * user wrote (except under the `neverReport` fields).
 *
 * @example
 * const r = RequestSchema.safeParse(input);
 * if (!r.success) return err(fieldIssuesFromZod(r.error, input));
 */
export function fieldIssuesFromZod(
  error: z.core.$ZodError,
  input: unknown,
  options: FieldIssuesOptions = {},
): FieldIssue[] {
  const never = new Set(options.neverReport ?? []);
  return error.issues.flatMap((issue) => {
    // One issue per unknown key, named by its own path. Its value is not echoed: an
    // unexpected field may hold member data, and messages end up in logs.
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => {
        const path = [...issue.path, key].map(String).join('.');
        return {
          path,
          expected: 'a known field',
          message: `${escapeControl(path)}: is not a known field`,
        };
      });
    const reportInput = options.reportInput === true && !never.has(String(issue.path[0] ?? ''));
    return [
      formatIssue(
        issue.path.map(String).join('.'),
        valueAt(input, issue.path),
        expectation(issue),
        {
          reportInput,
        },
      ),
    ];
  });
}
