import { describe, expect, it } from 'vitest';
import { lintFixture, of } from '../../test/fixture.js';

describe('effective-not-before-approval', () => {
  it('keeps: effective on the approval date, or later', () => {
    expect(of(lintFixture(), 'effective-not-before-approval')).toEqual([]);
  });

  it('breaks: effective before the committee approved it', () => {
    const report = lintFixture((p) => {
      p.revisions[0].effectiveOn = '2020-01-06';
    });
    expect(of(report, 'effective-not-before-approval')).toEqual([
      expect.objectContaining({
        severity: 'error',
        revision: '2020-01-07',
        path: 'revisions.0.effectiveOn',
        message:
          'widget revision 2020-01-07, effectiveOn: `2020-01-06` is before approvedOn `2020-01-07`',
      }),
    ]);
  });
});
