import { describe, expect, it } from 'vitest';
import { lintTiny, of } from '../../test/tiny-policy.js';

describe('revision-unlocked', () => {
  it('keeps: every revision is in the lock', () => {
    expect(of(lintTiny(), 'revision-unlocked')).toEqual([]);
  });

  it('breaks (warning): a new revision not yet in the lock', () => {
    const report = lintTiny((p) => {
      p.revisions.push({
        ...structuredClone(p.revisions[1]),
        id: '2024-09-03',
        approvedOn: '2024-09-03',
        effectiveOn: '2024-12-01',
      });
    });
    expect(of(report, 'revision-unlocked')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        revision: '2024-09-03',
        message:
          'tiny revision 2024-09-03: not recorded in `policies/tiny/revisions.lock.json` yet: it is not published',
      }),
    ]);
    expect(report.errors).toBe(0);
  });

  it('breaks (warning): no lock file at all', () => {
    const report = lintTiny(() => {}, {
      target: { lock: { status: 'absent', path: 'policies/tiny/revisions.lock.json' } },
    });
    expect(of(report, 'revision-unlocked').map((f) => f.revision)).toEqual([
      '2024-01-10',
      '2024-03-01',
    ]);
  });
});
