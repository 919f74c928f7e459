import { type IsoDate, isIsoDate } from '@criteria/calendar';
import { CriteriaError, formatIssue } from '@criteria/errors';
import { type LintContext, type LintTarget, lintContext } from './context.js';
import type { Finding } from './finding.js';
import type { Rule, RuleReport } from './rule.js';
import { rules as allRules } from './rules/index.js';

/** Lint's result for one policy. */
export interface LintReport {
  policy: string;
  findings: Finding[];
  errors: number;
  warnings: number;
}

export interface LintOptions {
  /** Today's date (review due dates); injectable so tests do not depend on the clock. */
  today: IsoDate;
  /** The rules to run (default: all). */
  rules?: readonly Rule[];
}

const finding = (ctx: LintContext, rule: Rule, report: RuleReport): Finding => {
  const revision =
    report.revisionIndex === undefined ? undefined : ctx.revisions[report.revisionIndex];
  const label = revision?.label ?? report.revision ?? null;
  const path =
    report.revisionIndex === undefined
      ? report.field
      : ['revisions', report.revisionIndex, report.field].filter((x) => x !== '').join('.');
  const where = [ctx.policyId, label === null ? '' : ` revision ${label}`].join('');
  return {
    rule: rule.id,
    severity: rule.severity,
    policy: ctx.policyId,
    revision: label,
    field: report.field,
    path,
    message: `${where}${report.field === '' ? '' : `, ${report.field}`}: ${report.message}`,
    fix: report.fix ?? rule.fix,
  };
};

/**
 * Lints one policy from its raw data: every rule runs, and a broken policy is
 * reported, never thrown. Throws only for a bad `today` (a caller bug).
 *
 * @example
 * const report = lintPolicy({ input, source, lock }, { today: '2026-11-26' });
 * if (report.errors > 0) for (const f of report.findings) console.error(f.message);
 */
export function lintPolicy(target: LintTarget, options: LintOptions): LintReport {
  if (!isIsoDate(options.today))
    throw new CriteriaError('invalid_argument', [
      formatIssue('today', options.today, 'a calendar date YYYY-MM-DD'),
    ]);
  const ctx = lintContext(target, options.today);
  const findings: Finding[] = [];
  const rules = options.rules ?? allRules;
  if (target.loadError !== undefined) {
    const schemaRule = allRules[0] as Rule;
    findings.push(
      finding(ctx, schemaRule, {
        field: '',
        message: `the policy module cannot be loaded: ${target.loadError}`,
        fix: 'Fix the error in the module named in the message (`pnpm typecheck` shows it too).',
      }),
    );
  } else
    for (const rule of rules) {
      try {
        for (const report of rule.check(ctx)) findings.push(finding(ctx, rule, report));
      } catch (e) {
        // A rule must not throw; if one does, say so as a finding instead of hiding the others.
        findings.push(
          finding(ctx, rule, {
            field: '',
            message: `the rule failed on this input: ${e instanceof Error ? e.message : String(e)}`,
            fix: 'This is a bug in the lint rule; report it with the policy data.',
          }),
        );
      }
    }
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { policy: ctx.policyId, findings, errors, warnings: findings.length - errors };
}
