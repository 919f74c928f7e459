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
 * One problem with one field: where (`path`), what was found (`value`) and what
 * was expected. Messages follow one style: lower case, the user's value in
 * backticks, the place named.
 */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `documentation.0.date`; empty for the whole input. */
  path: string;
  /** The offending value, as received (member data is never put here by callers that log). */
  value: unknown;
  /** What the field should have held. */
  expected: string;
  /** The full sentence, ready to show. */
  message: string;
}

/** Renders a value for a message: short, in backticks, never a stack of JSON. */
const show = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    text = String(value);
  }
  if (text === undefined) text = String(value);
  return `\`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\``;
};

/**
 * Builds the standard sentence for a field issue.
 *
 * @example
 * formatIssue('dateOfService', '2021-02-30', 'a calendar date YYYY-MM-DD')
 * // => 'dateOfService: `2021-02-30` is not a calendar date YYYY-MM-DD'
 */
export function formatIssue(path: string, value: unknown, expected: string): FieldIssue {
  const where = path === '' ? 'input' : path;
  return {
    path,
    value,
    expected,
    message: `${where}: ${show(value)} is not ${expected}`,
  };
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
