import { describe, expect, it } from 'vitest';
import { type Loose, lintFixture, of } from '../../test/fixture.js';

/** A fifth revision, 2022-09-06, that swaps the first code in scope (10001) for another. */
const swapCode = (p: Loose, notice: 'required' | 'not-required') => {
  const next = structuredClone(p.revisions[3]);
  Object.assign(next, {
    id: '2022-09-06',
    approvedOn: '2022-09-06',
    effectiveOn: '2022-12-01',
    codes: next.codes.map((c: Loose, i: number) => (i === 0 ? { ...c, code: '10009' } : c)),
  });
  // The fixture's revision 2021-05-01 requires no notice.
  if (notice === 'not-required') next.notice = structuredClone(p.revisions[2].notice);
  p.revisions.push(next);
};

describe('restriction-requires-notice', () => {
  it('keeps: an expansion or an administrative change without notice', () => {
    expect(of(lintFixture(), 'restriction-requires-notice')).toEqual([]);
    const report = lintFixture((p) => {
      const next = structuredClone(p.revisions[3]);
      Object.assign(next, {
        id: '2022-09-06',
        approvedOn: '2022-09-06',
        effectiveOn: '2022-09-06',
        notice: structuredClone(p.revisions[2].notice),
      });
      next.codes.push({ ...next.codes[0], code: '10009' });
      p.revisions.push(next);
    });
    expect(of(report, 'restriction-requires-notice')).toEqual([]);
  });

  it('keeps: a restriction that requires notice', () => {
    const report = lintFixture((p) => swapCode(p, 'required'));
    expect(of(report, 'restriction-requires-notice')).toEqual([]);
    expect(report.errors).toBe(0);
  });

  it('breaks: a code leaves scope with no notice', () => {
    const report = lintFixture((p) => swapCode(p, 'not-required'));
    expect(of(report, 'restriction-requires-notice')).toEqual([
      expect.objectContaining({
        severity: 'error',
        revision: '2022-09-06',
        path: 'revisions.4.notice.required',
        message:
          'widget revision 2022-09-06, notice.required: `false`, but the revision restricts coverage compared with 2022-03-02: code:10001 (code-removed-from-scope)',
      }),
    ]);
  });
});
