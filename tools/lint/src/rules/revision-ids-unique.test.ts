import { describe, expect, it } from 'vitest';
import { lintTiny, of } from '../../test/tiny-policy.js';

describe('revision-ids-unique', () => {
  it('keeps: every id once', () => {
    expect(of(lintTiny(), 'revision-ids-unique')).toEqual([]);
  });

  it('breaks: a revision registered twice', () => {
    const report = lintTiny((p) => {
      p.revisions.push(structuredClone(p.revisions[1]));
    });
    expect(of(report, 'revision-ids-unique')).toEqual([
      expect.objectContaining({
        severity: 'error',
        revision: '2024-03-01',
        path: 'revisions.2.id',
        message: 'tiny revision 2024-03-01, id: `2024-03-01` is also the id of revisions.1',
      }),
    ]);
    expect(of(report, 'schema')).toEqual([]);
  });
});
