import { describe, expect, it } from 'vitest';
import { lintTiny, of } from '../../test/tiny-policy.js';

describe('review-overdue', () => {
  it('keeps: reviewed within the year (due on 2026-06-01, not overdue on that day)', () => {
    expect(of(lintTiny(), 'review-overdue')).toEqual([]);
    expect(
      of(
        lintTiny(() => {}, { today: '2026-06-01' }),
        'review-overdue',
      ),
    ).toEqual([]);
  });

  it('breaks (warning): the day after the review fell due, naming the date', () => {
    const report = lintTiny(() => {}, { today: '2026-06-02' });
    expect(of(report, 'review-overdue')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        revision: null,
        path: 'record.reviewedOn',
        message:
          'tiny, record.reviewedOn: the last review is `2025-06-01`; the review fell due on `2026-06-01` (12 months later) and is 1 days overdue on `2026-06-02`',
      }),
    ]);
    expect(report.errors).toBe(0);
  });

  it('uses the latest review whatever the order, and the policy interval', () => {
    const report = lintTiny(
      (p) => {
        p.record.reviewedOn = ['2025-06-01', '2024-01-01'];
        p.record.reviewIntervalMonths = 6;
      },
      { today: '2026-01-15' },
    );
    expect(of(report, 'review-overdue').map((f) => f.message)).toEqual([
      'tiny, record.reviewedOn: the last review is `2025-06-01`; the review fell due on `2025-12-01` (6 months later) and is 45 days overdue on `2026-01-15`',
    ]);
  });
});
