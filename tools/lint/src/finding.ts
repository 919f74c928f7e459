/** How bad a finding is: errors fail lint (exit 1), warnings are reported only. */
export type Severity = 'error' | 'warning';

/**
 * One problem lint found. `message` names the policy, the revision (when there
 * is one) and the field; `fix` says what to do.
 *
 * @example
 * {
 *   rule: 'notice-period', severity: 'error', policy: 'imrt', revision: '2023-05-01',
 *   field: 'notice', path: 'revisions.8.notice',
 *   message: 'imrt revision 2023-05-01, notice: approved 2023-05-01, 31 days before ...',
 *   fix: 'Move effectiveOn to 2023-06-30 or later, ...',
 * }
 */
export interface Finding {
  /** The stable id of the rule (see docs/lint-rules.md). */
  rule: string;
  severity: Severity;
  /** The policy id. */
  policy: string;
  /** The revision id the finding is about, or null for the policy as a whole. */
  revision: string | null;
  /** The field, relative to the revision when there is one (`notice.required`), else to the policy. */
  field: string;
  /** The field's dotted path from the policy root (`revisions.6.notice.required`). */
  path: string;
  message: string;
  fix: string;
}
