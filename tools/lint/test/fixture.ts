/**
 * Lint tests run against the workspace's fixture policy (@criteria/fixture-policy: fictional,
 * no clinical content, four revisions, its own source text), as if it were the package
 * policies/widget with that source and a lock of its revisions.
 */
import { FIXTURE_SOURCE_PATH, fixtureInput, fixtureSource } from '@criteria/fixture-policy';
import { contentHash, RevisionSchema } from '@criteria/schema';
import type { LintTarget, LockState } from '../src/context.js';
import { type LintReport, lintPolicy } from '../src/lint-policy.js';

/** Where the fixture's source document would be. */
export const SOURCE_PATH = `policies/widget/${FIXTURE_SOURCE_PATH}`;
/** Where its lock would be. */
export const LOCK_PATH = 'policies/widget/revisions.lock.json';

/** Raw policy data, loosely typed: tests mutate it into any shape, valid or not. */
// biome-ignore lint/suspicious/noExplicitAny: fixtures are edited freely, including into invalid shapes
export type Loose = any;

/** A fresh copy of the fixture policy's raw data (mutate it freely). */
export const fixture = (): Loose => fixtureInput();

/** A lock recording every revision of `input` as it is now. */
export function lockOf(input: Loose): LockState {
  const revisions: Record<string, string> = {};
  for (const r of input.revisions) {
    const parsed = RevisionSchema.parse(r);
    revisions[parsed.id] = contentHash(parsed);
  }
  return { status: 'ok', path: LOCK_PATH, lock: { policy: input.id, revisions } };
}

/** The default today of these tests: within a year of the fixture's last review (2022-03-02). */
export const TODAY = '2022-12-15';

/**
 * Lints the fixture policy after `edit`, with its source and a lock taken before the edit
 * (so only edits to locked revisions trip the immutability rule).
 */
export function lintFixture(
  edit: (p: Loose) => void = () => {},
  options: { today?: string; target?: Partial<LintTarget> } = {},
): LintReport {
  const input = fixture();
  const lock = lockOf(input);
  edit(input);
  return lintPolicy(
    { input, source: { path: SOURCE_PATH, text: fixtureSource }, lock, ...options.target },
    { today: options.today ?? TODAY },
  );
}

/** The findings of one rule. */
export const of = (report: LintReport, rule: string) =>
  report.findings.filter((f) => f.rule === rule);
