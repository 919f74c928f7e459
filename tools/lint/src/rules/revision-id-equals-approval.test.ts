import { describe, expect, it } from 'vitest';
import { lintTiny, of } from '../../test/tiny-policy.js';

describe('revision-id-equals-approval', () => {
  it('keeps: ids are the approval dates', () => {
    expect(of(lintTiny(), 'revision-id-equals-approval')).toEqual([]);
  });

  it('breaks: an id that is not the approval date', () => {
    const report = lintTiny((p) => {
      p.revisions[1].approvedOn = '2024-02-27';
    });
    expect(of(report, 'revision-id-equals-approval')).toEqual([
      expect.objectContaining({
        severity: 'error',
        revision: '2024-03-01',
        field: 'id',
        path: 'revisions.1.id',
        message:
          'tiny revision 2024-03-01, id: `2024-03-01` is not the approval date: approvedOn is `2024-02-27`',
      }),
    ]);
  });
});
