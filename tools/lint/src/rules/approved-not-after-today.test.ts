import { describe, expect, it } from 'vitest';
import { lintFixture, of } from '../../test/fixture.js';

describe('approved-not-after-today', () => {
  it('keeps: approvals on or before today', () => {
    expect(of(lintFixture(), 'approved-not-after-today')).toEqual([]);
  });

  it('breaks: an approval after today (issue 11: 2099-01-01 was not flagged)', () => {
    const report = lintFixture((p) => {
      p.revisions[1].approvedOn = '2099-01-01';
    });
    expect(of(report, 'approved-not-after-today')).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: 'revisions.1.approvedOn',
        message: expect.stringMatching(
          /approvedOn: `2099-01-01` is after today `\d{4}-\d\d-\d\d`$/,
        ),
      }),
    ]);
  });
});
