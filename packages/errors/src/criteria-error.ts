import { escapeControl, kindOf, previewValue } from './show-value.js';

/**
 * Stable error codes. They are part of the public API: services switch on them,
 * so a code is never renamed or reused.
 */
export type ErrorCode =
  | 'invalid_date'
  | 'invalid_request'
  | 'invalid_policy'
  | 'unknown_policy'
  | 'unknown_revision'
  | 'invalid_argument';

/**
 * One problem with one field: where (`path`), what was expected, and (only when
 * the caller asked for input values) what was found. Messages follow one style:
 * lower case, the user's value in backticks when it is shown, the place named.
 */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `documentation.0.date`; empty for the whole input. */
  path: string;
  /**
   * The offending value, as received. Present only when input values were asked
   * for (`reportInput`, as in zod 4): a request may carry member data, so by
   * default neither this nor the message holds what was sent.
   */
  value?: unknown;
  /** What the field should have held. */
  expected: string;
  /** The full sentence, ready to show. */
  message: string;
}

/** Renders a value for a message: short, bounded, escaped, in backticks. */
const show = (value: unknown): string =>
  value === undefined ? 'nothing' : `\`${previewValue(value)}\``;

/** Whether an issue carries the input value (zod 4's `reportInput`). */
export interface IssueOptions {
  /**
   * Show the value found, in `value` and in the message (default true: the
   * builder is called with arguments the user typed). Validators of requests,
   * which may hold member data, pass false unless their caller asked.
   */
  reportInput?: boolean;
}

/**
 * Builds the standard sentence for a field issue. The value is shown bounded
 * (at most 60 characters, 3 levels deep) with control characters escaped, so any
 * value, however deep or hostile, gives a short one-line message.
 *
 * @example
 * formatIssue('dateOfService', '2021-02-30', 'a calendar date YYYY-MM-DD')
 * // => 'dateOfService: `2021-02-30` is not a calendar date YYYY-MM-DD'
 * formatIssue('dateOfService', '2021-02-30', 'a calendar date YYYY-MM-DD', { reportInput: false })
 * // => 'dateOfService: the string given is not a calendar date YYYY-MM-DD' (no `value`)
 */
export function formatIssue(
  path: string,
  value: unknown,
  expected: string,
  options: IssueOptions = {},
): FieldIssue {
  const where = path === '' ? 'input' : escapeControl(path);
  if (options.reportInput === false)
    return { path, expected, message: `${where}: ${kindOf(value)} is not ${expected}` };
  return { path, value, expected, message: `${where}: ${show(value)} is not ${expected}` };
}

/** How many issues {@link listIssues} lists before it counts the rest. */
export const LISTED_ISSUES = 20;

/**
 * The messages of `issues` to show, one per line: repeated messages once, at
 * most `max` of them, then `and N more`. 100,000 bad codes give 21 lines, not 100,000.
 *
 * @example
 * listIssues(issues, 2); // => ['a: ...', 'b: ...', 'and 99,998 more']
 */
export function listIssues(issues: readonly FieldIssue[], max = LISTED_ISSUES): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  let more = 0;
  for (const issue of issues) {
    if (seen.has(issue.message)) continue;
    seen.add(issue.message);
    if (lines.length < max) lines.push(issue.message);
    else more += 1;
  }
  if (more > 0) lines.push(`and ${more.toLocaleString('en-US')} more`);
  return lines;
}

/**
 * The one error type our libraries throw on purpose. Anything else escaping a
 * library call is a bug.
 *
 * @example
 * try { inEffect(imrt, '2021-2-3') } catch (e) {
 *   if (e instanceof CriteriaError && e.code === 'invalid_date') console.error(e.message);
 * }
 */
export class CriteriaError extends Error {
  override readonly name = 'CriteriaError';
  readonly code: ErrorCode;
  readonly issues: readonly FieldIssue[];

  constructor(code: ErrorCode, issues: readonly FieldIssue[], message?: string) {
    super(message ?? issues.map((i) => i.message).join('; '));
    this.code = code;
    this.issues = issues;
  }

  /** A JSON-friendly view (no stack), safe to print. */
  toJSON(): { code: ErrorCode; message: string; issues: readonly FieldIssue[] } {
    return { code: this.code, message: this.message, issues: this.issues };
  }
}
