import { describe, expect, it } from 'vitest';
import { lintTiny, of } from '../../test/tiny-policy.js';

describe('revisions-in-approval-order', () => {
  it('keeps: oldest first', () => {
    expect(of(lintTiny(), 'revisions-in-approval-order')).toEqual([]);
  });

  it('breaks: a revision listed before an older one', () => {
    const report = lintTiny((p) => {
      p.revisions.reverse();
    });
    expect(of(report, 'revisions-in-approval-order')).toEqual([
      expect.objectContaining({
        severity: 'error',
        revision: '2024-01-10',
        path: 'revisions.1.approvedOn',
        message:
          'tiny revision 2024-01-10, approvedOn: `2024-01-10` is before the approval of revision 2024-03-01 (`2024-03-01`), listed above it',
      }),
    ]);
    expect(of(report, 'schema')).toEqual([]);
  });
});
