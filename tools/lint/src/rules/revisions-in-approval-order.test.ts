import { describe, expect, it } from 'vitest';
import { lintFixture, of } from '../../test/fixture.js';

describe('revisions-in-approval-order', () => {
  it('keeps: oldest first', () => {
    expect(of(lintFixture(), 'revisions-in-approval-order')).toEqual([]);
  });

  it('breaks: a revision listed before an older one', () => {
    const report = lintFixture((p) => {
      [p.revisions[0], p.revisions[1]] = [p.revisions[1], p.revisions[0]];
    });
    expect(of(report, 'revisions-in-approval-order')).toEqual([
      expect.objectContaining({
        severity: 'error',
        revision: '2020-01-07',
        path: 'revisions.1.approvedOn',
        message:
          'widget revision 2020-01-07, approvedOn: `2020-01-07` is before the approval of revision 2020-02-04 (`2020-02-04`), listed above it',
      }),
    ]);
    expect(of(report, 'schema')).toEqual([]);
  });
});
