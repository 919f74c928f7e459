import { describe, expect, it } from 'vitest';
import { fixture, lintFixture, of } from '../../test/fixture.js';

describe('revision-unlocked', () => {
  it('keeps: every revision is in the lock', () => {
    expect(of(lintFixture(), 'revision-unlocked')).toEqual([]);
  });

  it('breaks (warning): a new revision not yet in the lock', () => {
    const report = lintFixture((p) => {
      p.revisions.push({
        ...structuredClone(p.revisions[3]),
        id: '2022-09-06',
        approvedOn: '2022-09-06',
        effectiveOn: '2022-12-01',
      });
    });
    expect(of(report, 'revision-unlocked')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        revision: '2022-09-06',
        message:
          'widget revision 2022-09-06: not recorded in `policies/widget/revisions.lock.json` yet: it is not published',
      }),
    ]);
    expect(report.errors).toBe(0);
  });

  it('breaks (warning): no lock file at all', () => {
    const report = lintFixture(() => {}, {
      target: { lock: { status: 'absent', path: 'policies/widget/revisions.lock.json' } },
    });
    expect(of(report, 'revision-unlocked').map((f) => f.revision)).toEqual(
      fixture().revisions.map((r: { id: string }) => r.id),
    );
  });
});
