import { describe, expect, it } from 'vitest';
import { lintTiny, of } from '../../test/tiny-policy.js';

describe('notice-period', () => {
  it('keeps: approved 92 days before it takes effect, with a 60-day notice', () => {
    expect(of(lintTiny(), 'notice-period')).toEqual([]);
  });

  it('keeps: approved exactly on the day the notice is due', () => {
    const report = lintTiny((p) => {
      p.revisions[1].effectiveOn = '2024-04-30'; // 2024-03-01 + 60 days
    });
    expect(of(report, 'notice-period')).toEqual([]);
  });

  it('breaks: approved 2023-05-01 with notice, effective 2023-06-01', () => {
    const report = lintTiny((p) => {
      p.revisions.push({
        ...structuredClone(p.revisions[1]),
        id: '2023-05-01',
        approvedOn: '2023-05-01',
        effectiveOn: '2023-06-01',
      });
      p.revisions.sort((a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1));
    });
    expect(of(report, 'notice-period')).toEqual([
      {
        rule: 'notice-period',
        severity: 'error',
        policy: 'tiny',
        revision: '2023-05-01',
        field: 'notice',
        path: 'revisions.0.notice',
        message:
          'tiny revision 2023-05-01, notice: a 60-day notice is required, so it is due by `2023-04-02` (effectiveOn `2023-06-01` minus 60 days), but the revision is approved `2023-05-01`, only 31 days before it takes effect',
        fix: 'Move effectiveOn to `2023-06-30` or later (approvedOn plus 60 days), or correct approvedOn if it was mistyped.',
      },
    ]);
    expect(report.errors).toBe(1);
  });

  it('does not apply when no notice is required', () => {
    const report = lintTiny((p) => {
      p.revisions[1].effectiveOn = '2024-03-02';
      p.revisions[1].notice = { ...p.revisions[0].notice };
    });
    expect(of(report, 'notice-period')).toEqual([]);
  });
});
