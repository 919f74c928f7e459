import { describe, expect, it } from 'vitest';
import { lintFixture, of } from '../../test/fixture.js';

describe('notice-period', () => {
  it('keeps: approved 152 days before it takes effect, with a 60-day notice', () => {
    expect(of(lintFixture(), 'notice-period')).toEqual([]);
  });

  it('keeps: approved exactly on the day the notice is due', () => {
    const report = lintFixture((p) => {
      p.revisions[3].effectiveOn = '2022-05-01'; // 2022-03-02 + 60 days
    });
    expect(of(report, 'notice-period')).toEqual([]);
  });

  it('breaks: approved 2022-05-02 with notice, effective 2022-06-02', () => {
    const report = lintFixture((p) => {
      p.revisions.push({
        ...structuredClone(p.revisions[3]),
        id: '2022-05-02',
        approvedOn: '2022-05-02',
        effectiveOn: '2022-06-02',
      });
      p.revisions.sort((a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1));
    });
    expect(of(report, 'notice-period')).toEqual([
      {
        rule: 'notice-period',
        severity: 'error',
        policy: 'widget',
        revision: '2022-05-02',
        field: 'notice',
        path: 'revisions.4.notice',
        message:
          'widget revision 2022-05-02, notice: a 60-day notice is required, so it is due by `2022-04-03` (effectiveOn `2022-06-02` minus 60 days), but the revision is approved `2022-05-02`, only 31 days before it takes effect',
        fix: 'Move effectiveOn to `2022-07-01` or later (approvedOn plus 60 days), or correct approvedOn if it was mistyped.',
      },
    ]);
    expect(report.errors).toBe(1);
  });

  it('does not apply when no notice is required', () => {
    const report = lintFixture((p) => {
      p.revisions[3].effectiveOn = '2022-03-03';
      p.revisions[3].notice = { ...p.revisions[0].notice };
    });
    expect(of(report, 'notice-period')).toEqual([]);
  });
});
