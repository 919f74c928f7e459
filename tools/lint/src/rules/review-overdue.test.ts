import { describe, expect, it } from 'vitest';
import { lintFixture, of } from '../../test/fixture.js';

describe('review-overdue', () => {
  it('keeps: reviewed within the year (due on 2023-03-02, not overdue on that day)', () => {
    expect(of(lintFixture(), 'review-overdue')).toEqual([]);
    expect(
      of(
        lintFixture(() => {}, { today: '2023-03-02' }),
        'review-overdue',
      ),
    ).toEqual([]);
  });

  it('breaks (warning): the day after the review fell due, naming the date', () => {
    const report = lintFixture(() => {}, { today: '2023-03-03' });
    expect(of(report, 'review-overdue')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        revision: null,
        path: 'record.reviewedOn',
        message:
          'widget, record.reviewedOn: the last review is `2022-03-02`; the review fell due on `2023-03-02` (12 months later) and is 1 days overdue on `2023-03-03`',
      }),
    ]);
    expect(report.errors).toBe(0);
  });

  it('uses the latest review whatever the order, and the policy interval', () => {
    const report = lintFixture(
      (p) => {
        p.record.reviewedOn = ['2022-03-02', '2021-01-01'];
        p.record.reviewIntervalMonths = 6;
      },
      { today: '2022-10-15' },
    );
    expect(of(report, 'review-overdue').map((f) => f.message)).toEqual([
      'widget, record.reviewedOn: the last review is `2022-03-02`; the review fell due on `2022-09-02` (6 months later) and is 43 days overdue on `2022-10-15`',
    ]);
  });
});
