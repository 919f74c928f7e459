import { addDays, isoOfDay } from '@criteria/calendar';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNoticePeriod, leadDays, noticeDueBy, timeRuleBreaches } from './time-rules.js';

const noticed = (approvedOn: string, effectiveOn: string, periodDays = 60) => ({
  approvedOn,
  effectiveOn,
  notice: { required: true, periodDays },
});
const silent = (approvedOn: string, effectiveOn: string) => ({
  approvedOn,
  effectiveOn,
  notice: { required: false, periodDays: null },
});

describe('the time rules', () => {
  it("a notice is due the period before the revision takes effect (the source's two noticed revisions)", () => {
    expect(noticeDueBy(noticed('2021-03-02', '2021-08-01'))).toBe('2021-06-02');
    expect(noticeDueBy(noticed('2023-01-10', '2023-06-01'))).toBe('2023-04-02');
    expect(noticeDueBy(silent('2020-07-07', '2020-07-07'))).toBeNull();
    expect(leadDays(noticed('2023-01-10', '2023-06-01'))).toBe(142);
  });

  it('the period is the revision’s own: 30 days due 30 days before', () => {
    expect(noticeDueBy(noticed('2023-01-10', '2023-06-01', 30))).toBe('2023-05-02');
    expect(checkNoticePeriod(noticed('2023-05-01', '2023-06-01', 30))).toBeUndefined();
  });

  it('approved after the due date breaks the notice rule; exactly the period keeps it', () => {
    expect(checkNoticePeriod(noticed('2027-01-05', '2027-03-06'))).toBeUndefined();
    expect(checkNoticePeriod(noticed('2023-05-01', '2023-06-01'))).toEqual({
      rule: 'notice-period',
      approvedOn: '2023-05-01',
      effectiveOn: '2023-06-01',
      periodDays: 60,
      dueBy: '2023-04-02',
      earliestEffectiveOn: '2023-06-30',
      leadDays: 31,
    });
  });

  it('effective before approval, and approval after today, are breaks; the notice rule then waits', () => {
    expect(timeRuleBreaches(noticed('2027-01-05', '2027-01-04'), { today: '2026-12-01' })).toEqual([
      { rule: 'approved-after-today', approvedOn: '2027-01-05', today: '2026-12-01' },
      { rule: 'effective-before-approval', approvedOn: '2027-01-05', effectiveOn: '2027-01-04' },
    ]);
    expect(timeRuleBreaches(silent('2027-01-05', '2027-01-05'), { today: '2027-01-05' })).toEqual(
      [],
    );
  });

  it('the notice rule holds exactly when the lead time is at least the period (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 200 }),
        (day, lead, period) => {
          const approvedOn = isoOfDay(day);
          const r = noticed(approvedOn, addDays(approvedOn, lead), period);
          expect(checkNoticePeriod(r) === undefined).toBe(lead >= period);
          expect(timeRuleBreaches(r).length).toBe(lead >= period ? 0 : 1);
        },
      ),
    );
  });
});
