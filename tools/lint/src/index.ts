export type { LintContext, LintTarget, LockState, RevisionView, SourceState } from './context.js';
export type { Finding, Severity } from './finding.js';
export { type LintOptions, type LintReport, lintPolicy } from './lint-policy.js';
export {
  LOCK_FILE,
  type LockFile,
  LockFileSchema,
  parseLockFile,
  serializeLockFile,
} from './lock-file.js';
export {
  findPolicyPackages,
  findRepoRoot,
  loadPolicyPackage,
  locatePolicyPackages,
  type PolicyPackage,
  type RegisteredName,
} from './policy-package.js';
export { defineRule, type Rule, type RuleReport } from './rule.js';
export { rules } from './rules/index.js';
export { renderRulesDoc } from './rules-doc.js';
export { type LockUpdate, updateLock } from './update-lock.js';
