import { describe, expect, it } from 'vitest';
import { lintTiny, of } from '../../test/tiny-policy.js';

describe('effective-not-before-approval', () => {
  it('keeps: effective on the approval date, or later', () => {
    expect(of(lintTiny(), 'effective-not-before-approval')).toEqual([]);
  });

  it('breaks: effective before the committee approved it', () => {
    const report = lintTiny((p) => {
      p.revisions[0].effectiveOn = '2024-01-09';
    });
    expect(of(report, 'effective-not-before-approval')).toEqual([
      expect.objectContaining({
        severity: 'error',
        revision: '2024-01-10',
        path: 'revisions.0.effectiveOn',
        message:
          'tiny revision 2024-01-10, effectiveOn: `2024-01-09` is before approvedOn `2024-01-10`',
      }),
    ]);
  });
});
