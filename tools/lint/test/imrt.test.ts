/**
 * Lint on the real IMRT policy: it passes, reports the overdue review, and
 * catches any edit to a published revision.
 */
import { fileURLToPath } from 'node:url';
import { imrt } from '@criteria/policy-imrt';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintPolicy } from '../src/lint-policy.js';
import { loadPolicyPackage } from '../src/policy-package.js';
import type { Loose } from './fixture.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const pkg = await loadPolicyPackage(
  fileURLToPath(new URL('../../../policies/imrt', import.meta.url)),
  root,
);

describe('the IMRT policy', () => {
  it('loads with its source document and lock', () => {
    expect(pkg.loadError).toBeUndefined();
    expect(pkg.source).toMatchObject({
      path: 'policies/imrt/source/imrt-clinical-review-criteria.txt',
    });
    expect(pkg.lock).toMatchObject({ status: 'ok', path: 'policies/imrt/revisions.lock.json' });
  });

  it('the lock records the content hash of every revision the package loads', () => {
    if (pkg.lock?.status !== 'ok') throw new Error('no lock');
    expect(pkg.lock.lock).toEqual({
      $comment: expect.any(String),
      policy: 'imrt',
      revisions: Object.fromEntries(imrt.revisions.map((r) => [r.id, r.sha256])),
      corrections: expect.any(Array),
    });
  });

  it('every correction of a published revision is on the record: the hash it had, the one it has, and why', () => {
    if (pkg.lock?.status !== 'ok') throw new Error('no lock');
    const corrections = pkg.lock.lock.corrections ?? [];
    for (const c of corrections) {
      expect(c.was).not.toBe(c.now);
      expect(c.reason.length).toBeGreaterThan(40);
    }
    // the latest correction of each revision names the hash the lock records
    const latest = new Map(corrections.map((c) => [c.revision, c.now]));
    for (const [id, now] of latest) expect(pkg.lock.lock.revisions[id]).toBe(now);
  });

  it('passes on 2026-11-26 with one warning: the annual review fell due on 2025-04-02', () => {
    const report = lintPolicy(pkg, { today: '2026-11-26' });
    expect(report.errors).toBe(0);
    expect(report.findings).toEqual([
      {
        rule: 'review-overdue',
        severity: 'warning',
        policy: 'imrt',
        revision: null,
        field: 'record.reviewedOn',
        path: 'record.reviewedOn',
        message:
          'imrt, record.reviewedOn: the last review is `2024-04-02`; the review fell due on `2025-04-02` (12 months later) and is 603 days overdue on `2026-11-26`',
        fix: expect.stringContaining('record.reviewedOn'),
      },
    ]);
  });

  it('has no finding at all on the day its review fell due', () => {
    expect(lintPolicy(pkg, { today: '2025-04-02' }).findings).toEqual([]);
  });

  it('a revision approved 2023-05-01 with notice, effective 2023-06-01, fails the notice rule', () => {
    const input: Loose = structuredClone(pkg.input);
    const last = input.revisions[input.revisions.length - 1];
    input.revisions.push({
      ...structuredClone(last),
      id: '2023-05-01',
      approvedOn: '2023-05-01',
      effectiveOn: '2023-06-01',
    });
    const report = lintPolicy({ ...pkg, input }, { today: '2025-04-02' });
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([
      expect.objectContaining({
        rule: 'notice-period',
        revision: '2023-05-01',
        message:
          'imrt revision 2023-05-01, notice: a 60-day notice is required, so it is due by `2023-04-02` (effectiveOn `2023-06-01` minus 60 days), but the revision is approved `2023-05-01`, only 31 days before it takes effect',
      }),
    ]);
  });
});

type Leaf = { path: (string | number)[]; value: unknown };
const leaves = (value: unknown, path: (string | number)[] = []): Leaf[] => {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [{ path, value }];
};
const containers = (value: unknown, path: (string | number)[] = []): (string | number)[][] => {
  if (Array.isArray(value))
    return [
      ...(value.length > 0 ? [path] : []),
      ...value.flatMap((v, i) => containers(v, [...path, i])),
    ];
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => containers(v, [...path, k]));
  return [];
};
const parentOf = (root: Loose, path: (string | number)[]): Loose =>
  path.slice(0, -1).reduce((o: Loose, k) => o[k], root);

const edited = (value: unknown): unknown =>
  typeof value === 'string'
    ? `${value} (edited)`
    : typeof value === 'number'
      ? value + 1
      : typeof value === 'boolean'
        ? !value
        : 'edited';

// Each run lints the whole policy (every rule, every diff): allow for a busy machine.
describe('editing a published IMRT revision (property)', () => {
  const revisions = (pkg.input as Loose).revisions as unknown[];

  it('changing any field of any published revision fails with published-immutable', () => {
    fc.assert(
      fc.property(fc.nat({ max: revisions.length - 1 }), fc.nat(), (r, n) => {
        const input: Loose = structuredClone(pkg.input);
        const all = leaves(input.revisions[r]);
        const leaf = all[n % all.length] as Leaf;
        const parent = parentOf(input.revisions[r], leaf.path);
        parent[leaf.path[leaf.path.length - 1] as string] = edited(leaf.value);
        const report = lintPolicy({ ...pkg, input }, { today: '2025-04-02' });
        const id = (revisions[r] as { id: string }).id;
        expect(report.errors).toBeGreaterThan(0);
        expect(report.findings).toContainEqual(
          expect.objectContaining({ rule: 'published-immutable', severity: 'error', revision: id }),
        );
      }),
    );
  });

  it('dropping an element of any list of any published revision fails with published-immutable', () => {
    fc.assert(
      fc.property(fc.nat({ max: revisions.length - 1 }), fc.nat(), (r, n) => {
        const input: Loose = structuredClone(pkg.input);
        const lists = containers(input.revisions[r]);
        const path = lists[n % lists.length] as (string | number)[];
        const list = path.reduce((o: Loose, k) => o[k], input.revisions[r]) as unknown[];
        list.pop();
        const report = lintPolicy({ ...pkg, input }, { today: '2025-04-02' });
        expect(report.findings).toContainEqual(
          expect.objectContaining({
            rule: 'published-immutable',
            revision: (revisions[r] as { id: string }).id,
          }),
        );
      }),
    );
  });
});
