import { describe, expect, it } from 'vitest';
import { type Loose, lintTiny, of } from '../../test/tiny-policy.js';

/** A third revision, 2024-09-03, that swaps the one code in scope for another. */
const swapCode = (p: Loose, notice: 'required' | 'not-required') => {
  const next = structuredClone(p.revisions[notice === 'required' ? 1 : 0]);
  Object.assign(next, {
    id: '2024-09-03',
    approvedOn: '2024-09-03',
    effectiveOn: '2024-12-01',
    codes: [{ ...next.codes[0], code: '77386' }],
  });
  p.revisions.push(next);
};

describe('restriction-requires-notice', () => {
  it('keeps: an expansion or an administrative change without notice', () => {
    expect(of(lintTiny(), 'restriction-requires-notice')).toEqual([]);
    const report = lintTiny((p) => {
      const next = structuredClone(p.revisions[0]);
      Object.assign(next, {
        id: '2024-09-03',
        approvedOn: '2024-09-03',
        effectiveOn: '2024-09-03',
      });
      next.codes.push({ ...next.codes[0], code: '77386' });
      p.revisions.push(next);
    });
    expect(of(report, 'restriction-requires-notice')).toEqual([]);
  });

  it('keeps: a restriction that requires notice', () => {
    const report = lintTiny((p) => swapCode(p, 'required'));
    expect(of(report, 'restriction-requires-notice')).toEqual([]);
    expect(report.errors).toBe(0);
  });

  it('breaks: a code leaves scope with no notice', () => {
    const report = lintTiny((p) => swapCode(p, 'not-required'));
    expect(of(report, 'restriction-requires-notice')).toEqual([
      expect.objectContaining({
        severity: 'error',
        revision: '2024-09-03',
        path: 'revisions.2.notice.required',
        message:
          'tiny revision 2024-09-03, notice.required: `false`, but the revision restricts coverage compared with 2024-03-01: code:77385 (code-removed-from-scope)',
      }),
    ]);
  });
});
