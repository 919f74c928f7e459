import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { assertIsoDate } from '@criteria/calendar';
import { CriteriaError, formatIssue } from '@criteria/errors';
import {
  type Finding,
  findRepoRoot,
  type LintReport,
  type LockUpdate,
  lintPolicy,
  loadPolicyPackage,
  locatePolicyPackages,
  serializeLockFile,
  updateLock,
} from '@criteria/lint';
import type { Command } from 'commander';
import { EXIT, ExitStatus, type Io, UsageError } from '../io.js';
import { policiesOf } from '../registry.js';

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

interface LockResult {
  path: string;
  added: string[];
  skipped: LockUpdate['skipped'];
}

const findingText = (f: Finding): string =>
  `  ${f.severity.padEnd(7)}  ${f.rule}\n    ${f.message}\n    fix: ${f.fix}\n`;

/**
 * `criteria lint [policy] [--json] [--update-lock]`: runs the policy lint
 * rules (docs/lint-rules.md) on every policy under `policies/`, or one. Exit 1
 * when an error is found, 0 with warnings only.
 */
export function registerLint(program: Command, io: Io): void {
  program
    .command('lint')
    .description(
      'check policies: schema, time and notice rules, citations, readings, published revisions, review due dates',
    )
    .argument('[policy]', 'policy id, e.g. imrt (default: every policy)')
    .option('--json', 'print JSON')
    .option(
      '--update-lock',
      'record new revisions in policies/<policy>/revisions.lock.json (never rewrites an entry)',
    )
    .action(
      async (policyId: string | undefined, opts: { json?: boolean; updateLock?: boolean }) => {
        const root = findRepoRoot(io.cwd);
        const today = assertIsoDate(io.today(), 'today');
        // The registered policies (one list), found in this repository by package name.
        const { found, unregistered } = locatePolicyPackages(root, policiesOf(io).entries);
        if (found.length === 0 && unregistered.length === 0)
          throw new UsageError(
            `no policy package under ${root}/policies (a package exporting ./input)`,
          );
        // Linting every policy, a package the registry does not list is an error.
        const missing = policyId === undefined ? unregistered : [];
        for (const u of missing)
          io.stderr(
            `criteria: ${relative(root, u.dir)} (${u.packageName ?? 'no package name'}) is not registered: add its entry to packages/registry/src/policies.ts\n`,
          );
        const selected = policyId === undefined ? found : found.filter((p) => p.name === policyId);
        if (selected.length === 0)
          throw new CriteriaError('unknown_policy', [
            formatIssue(
              'policy',
              policyId,
              `a known policy (known: ${found.map((p) => p.name).join(', ')})`,
            ),
          ]);
        const results: { report: LintReport; lock?: LockResult }[] = [];
        for (const p of selected) {
          const pkg = await loadPolicyPackage(p.dir, root);
          let report = lintPolicy(pkg, { today });
          if (!opts.updateLock) {
            results.push({ report });
            continue;
          }
          const path = pkg.lock?.path ?? pkg.lockPath;
          const update = updateLock(pkg, report, today);
          if (update === null)
            throw new UsageError(
              `${path}: cannot be updated (lint reports why); restore it from version control`,
            );
          if (update.added.length > 0) {
            writeFileSync(pkg.lockPath, serializeLockFile(update.lock));
            report = lintPolicy(
              { ...pkg, lock: { status: 'ok', path, lock: update.lock } },
              { today },
            );
          }
          results.push({ report, lock: { path, added: update.added, skipped: update.skipped } });
        }
        const errors = results.reduce((n, r) => n + r.report.errors, 0);
        const warnings = results.reduce((n, r) => n + r.report.warnings, 0);
        if (opts.json)
          io.stdout(
            `${JSON.stringify(
              {
                today,
                errors,
                warnings,
                policies: results.map(({ report, lock }) => ({ ...report, ...(lock && { lock }) })),
              },
              null,
              2,
            )}\n`,
          );
        else {
          for (const { report, lock } of results) {
            io.stdout(
              `${report.policy}: ${count(report.errors, 'error')}, ${count(report.warnings, 'warning')}\n`,
            );
            for (const f of report.findings) io.stdout(findingText(f));
            if (lock) {
              io.stdout(
                lock.added.length > 0
                  ? `  lock: recorded ${lock.added.join(', ')} in ${lock.path}\n`
                  : `  lock: no new revision to record in ${lock.path}\n`,
              );
              for (const s of lock.skipped)
                io.stdout(`  lock: left out ${s.revision}: ${s.reason}\n`);
            }
          }
          io.stdout(
            `lint: ${count(errors, 'error')}, ${count(warnings, 'warning')} in ${count(results.length, 'policy').replace('policys', 'policies')} (today ${today})\n`,
          );
        }
        if (errors > 0 || missing.length > 0) throw new ExitStatus(EXIT.findings);
      },
    );
}
