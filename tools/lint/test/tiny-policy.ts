/**
 * A tiny, fictional policy for lint tests (not a real policy, no clinical
 * content): two revisions, a source document of five lines, a lock.
 */
import { contentHash, RevisionSchema } from '@criteria/schema';
import type { LintTarget, LockState } from '../src/context.js';
import { type LintReport, lintPolicy } from '../src/lint-policy.js';

export const tinySource = [
  'Tiny test policy (a lint fixture; not a real policy)',
  'Created 01/01/2020. Reviewed 06/01/2025.',
  'Code 77385 is in scope.',
  '01/10/2024\tFirst revision.',
  '03/01/2024\tSecond revision. Requires 60-day notice, effective 06/01/2024.',
  '',
].join('\n');

const revision = (over: Record<string, unknown>) => ({
  codes: [
    {
      code: '77385',
      system: 'CPT',
      label: 'Test code',
      provenance: { cites: [{ line: 3, quote: '77385' }] },
    },
  ],
  criteria: { medicare: { sources: [] }, commercial: { sources: [] } },
  indicationRulesApplyTo: ['commercial'],
  indicationRulesProvenance: {
    reading: 'The fixture applies indication rules to commercial members only, for the test.',
  },
  indications: [],
  documentation: [],
  ...over,
});

/** Raw policy data, loosely typed: tests mutate it into any shape, valid or not. */
// biome-ignore lint/suspicious/noExplicitAny: fixtures are edited freely, including into invalid shapes
export type Loose = any;

/** A fresh copy of the tiny policy's raw data (mutate it freely). */
export function tinyPolicy(): Loose {
  return {
    id: 'tiny',
    title: 'Tiny test policy',
    plan: 'Test plan',
    sourceDocument: 'source.txt',
    record: {
      created: '2020-01-01',
      reviewedOn: ['2025-06-01'],
      lastRevised: '2024-03-01',
      reviewIntervalMonths: 12,
      provenance: { cites: [{ line: 2, quote: 'Reviewed 06/01/2025' }] },
    },
    revisions: [
      revision({
        id: '2024-01-10',
        approvedOn: '2024-01-10',
        effectiveOn: '2024-01-10',
        effectiveOnBasis: 'assumed',
        provenance: {
          cites: [{ line: 4, quote: '01/10/2024' }],
          reading: 'No effective date is stated: it takes effect on its approval date.',
        },
        summary: 'First revision.',
        notice: {
          required: false,
          periodDays: null,
          basis: 'not-stated',
          provenance: { reading: 'No notice is stated for this revision, so none is recorded.' },
        },
      }),
      revision({
        id: '2024-03-01',
        approvedOn: '2024-03-01',
        effectiveOn: '2024-06-01',
        effectiveOnBasis: 'stated',
        provenance: { cites: [{ line: 5, quote: 'effective 06/01/2024' }] },
        summary: 'Second revision.',
        notice: {
          required: true,
          periodDays: 60,
          basis: 'stated',
          provenance: { cites: [{ line: 5, quote: 'Requires 60-day notice' }] },
        },
      }),
    ],
    diagnosisMap: {
      reviewedOn: '2025-06-01',
      note: 'Fixture mapping.',
      rows: [{ prefix: 'C34', indication: 'lung-cancer' }],
    },
  };
}

/** A lock recording every revision of `input` as it is now. */
export function lockOf(input: Loose): LockState {
  const revisions: Record<string, string> = {};
  for (const r of input.revisions) {
    const parsed = RevisionSchema.parse(r);
    revisions[parsed.id] = contentHash(parsed);
  }
  return {
    status: 'ok',
    path: 'policies/tiny/revisions.lock.json',
    lock: { policy: input.id, revisions },
  };
}

/** The default today of these tests: within a year of the fixture's last review. */
export const TODAY = '2026-01-15';

/**
 * Lints the tiny policy after `edit`, with its source and a lock taken before
 * the edit (so only edits to locked revisions trip the immutability rule).
 */
export function lintTiny(
  edit: (p: Loose) => void = () => {},
  options: { today?: string; target?: Partial<LintTarget> } = {},
): LintReport {
  const input = tinyPolicy();
  const lock = lockOf(input);
  edit(input);
  return lintPolicy(
    {
      input,
      source: { path: 'policies/tiny/source.txt', text: tinySource },
      lock,
      ...options.target,
    },
    { today: options.today ?? TODAY },
  );
}

/** The findings of one rule. */
export const of = (report: LintReport, rule: string) =>
  report.findings.filter((f) => f.rule === rule);
