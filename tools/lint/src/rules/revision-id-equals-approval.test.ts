import { describe, expect, it } from 'vitest';
import { lintFixture, of } from '../../test/fixture.js';

describe('revision-id-equals-approval', () => {
  it('keeps: ids are the approval dates', () => {
    expect(of(lintFixture(), 'revision-id-equals-approval')).toEqual([]);
  });

  it('breaks: an id that is not the approval date', () => {
    const report = lintFixture((p) => {
      p.revisions[3].approvedOn = '2022-02-27';
    });
    expect(of(report, 'revision-id-equals-approval')).toEqual([
      expect.objectContaining({
        severity: 'error',
        revision: '2022-03-02',
        field: 'id',
        path: 'revisions.3.id',
        message:
          'widget revision 2022-03-02, id: `2022-03-02` is not the approval date: approvedOn is `2022-02-27`',
      }),
    ]);
  });
});
