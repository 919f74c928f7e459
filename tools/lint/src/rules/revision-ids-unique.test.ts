import { describe, expect, it } from 'vitest';
import { lintFixture, of } from '../../test/fixture.js';

describe('revision-ids-unique', () => {
  it('keeps: every id once', () => {
    expect(of(lintFixture(), 'revision-ids-unique')).toEqual([]);
  });

  it('breaks: a revision registered twice', () => {
    const report = lintFixture((p) => {
      p.revisions.push(structuredClone(p.revisions[3]));
    });
    expect(of(report, 'revision-ids-unique')).toEqual([
      expect.objectContaining({
        severity: 'error',
        revision: '2022-03-02',
        path: 'revisions.4.id',
        message: 'widget revision 2022-03-02, id: `2022-03-02` is also the id of revisions.3',
      }),
    ]);
    expect(of(report, 'schema')).toEqual([]);
  });
});
