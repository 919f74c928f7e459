import type { LintContext } from './context.js';
import type { Severity } from './finding.js';

/** What a rule reports; {@link lintPolicy} adds the rule id, severity, policy and message prefix. */
export interface RuleReport {
  /** The revision's index in `revisions`, or undefined for the policy as a whole. */
  revisionIndex?: number;
  /** The id of a revision that is not in the list (a lock entry whose revision was removed). */
  revision?: string;
  /** The field, relative to the revision when `revisionIndex` is set, else to the policy. */
  field: string;
  /** What is wrong, lower case, the user's values in backticks. */
  message: string;
  /** A fix specific to this finding; defaults to the rule's documented fix. */
  fix?: string;
}

/**
 * A lint rule: its metadata is the documentation (docs/lint-rules.md is
 * generated from it), `check` reads the raw policy through the context.
 */
export interface Rule {
  /** Stable id, kebab-case: never renamed, since CI logs and docs refer to it. */
  id: string;
  severity: Severity;
  /** What the rule checks, one line. */
  title: string;
  /** Why the rule exists. */
  rationale: string;
  /** What to do when it fires. */
  fix: string;
  /** Must not throw on malformed input: the `schema` rule reports shape problems. */
  check: (ctx: LintContext) => Iterable<RuleReport>;
}

/** Types a rule definition. */
export const defineRule = (rule: Rule): Rule => rule;
