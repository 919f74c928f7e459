import type { IsoDate } from '@criteria/calendar';
import { type LintTarget, lintContext } from './context.js';
import type { LintReport } from './lint-policy.js';
import type { LockFile } from './lock-file.js';

/** The lock after `--update-lock`, what was added and what was left out (and why). */
export interface LockUpdate {
  lock: LockFile;
  added: string[];
  skipped: { revision: string; reason: string }[];
}

/**
 * Records every revision that is not in the lock yet, provided it validates and
 * lint found no error in it. Never rewrites or removes an existing entry; an
 * unreadable lock, or one of another policy, is not updated (`null`).
 *
 * @example
 * const update = updateLock(pkg, lintPolicy(pkg, { today }), today);
 * if (update && update.added.length > 0) writeFileSync(path, serializeLockFile(update.lock));
 */
export function updateLock(
  target: LintTarget,
  report: LintReport,
  today: IsoDate,
): LockUpdate | null {
  if (target.lock?.status === 'invalid' || target.loadError !== undefined) return null;
  const ctx = lintContext(target, today);
  if (target.lock?.status === 'ok' && target.lock.lock.policy !== ctx.policyId) return null;
  const existing = target.lock?.status === 'ok' ? target.lock.lock.revisions : {};
  const revisions: Record<string, string> = { ...existing };
  const added: string[] = [];
  const skipped: LockUpdate['skipped'] = [];
  for (const r of ctx.revisions) {
    if (Object.hasOwn(revisions, r.label)) continue;
    const errors = report.findings.filter((f) => f.severity === 'error' && f.revision === r.label);
    if (r.sha256 === undefined || errors.length > 0) {
      skipped.push({
        revision: r.label,
        reason: `lint found ${errors.length} error${errors.length === 1 ? '' : 's'} in it (${[...new Set(errors.map((e) => e.rule))].join(', ') || 'schema'})`,
      });
      continue;
    }
    revisions[r.label] = r.sha256;
    added.push(r.label);
  }
  const corrections = target.lock?.status === 'ok' ? target.lock.lock.corrections : undefined;
  return {
    lock: { policy: ctx.policyId, revisions, ...(corrections ? { corrections } : {}) },
    added,
    skipped,
  };
}
