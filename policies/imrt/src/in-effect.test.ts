import { addDays } from '@criteria/calendar';
import { inEffect, timeline } from '@criteria/temporal';
import { describe, expect, it } from 'vitest';
import { imrt } from './index.js';

/**
 * Every effective date: the day before and the day of, with no knowledge date
 * and with one before/after the approval. `expected` is the revision id, or null.
 */
const boundaries: { date: string; asOf?: string; expected: string | null; why: string }[] = [
  { date: '2015-10-31', expected: null, why: 'before the reinstatement takes effect' },
  {
    date: '2015-11-01',
    expected: '2015-09-08',
    why: '2015-09-08 supersedes 2015-07-07 on the same effective date',
  },
  {
    date: '2015-11-01',
    asOf: '2015-09-07',
    expected: '2015-07-07',
    why: 'the amendment was not yet approved',
  },
  { date: '2015-11-01', asOf: '2015-07-06', expected: null, why: 'nothing approved yet' },
  { date: '2016-02-29', expected: '2015-09-08', why: 'day before 2016-03-01' },
  { date: '2016-03-01', expected: '2016-03-01', why: 'effective on approval' },
  { date: '2016-03-01', asOf: '2016-02-29', expected: '2015-09-08', why: 'not yet approved' },
  { date: '2016-10-31', expected: '2016-03-01', why: 'day before lung cancer' },
  { date: '2016-11-01', expected: '2016-11-01', why: 'lung cancer' },
  { date: '2016-11-01', asOf: '2016-10-31', expected: '2016-03-01', why: 'not yet approved' },
  { date: '2017-12-04', expected: '2016-11-01', why: 'day before esophageal' },
  { date: '2017-12-05', expected: '2017-12-05', why: 'esophageal' },
  { date: '2017-12-05', asOf: '2017-12-04', expected: '2016-11-01', why: 'not yet approved' },
  { date: '2020-07-06', expected: '2017-12-05', why: 'day before the article' },
  { date: '2020-07-07', expected: '2020-07-07', why: 'article added, 77418 removed' },
  { date: '2020-07-07', asOf: '2020-07-06', expected: '2017-12-05', why: 'not yet approved' },
  {
    date: '2021-07-31',
    expected: '2020-07-07',
    why: 'approved 2021-03-02 but effective 2021-08-01',
  },
  { date: '2021-08-01', expected: '2021-03-02', why: 'the expansion takes effect' },
  { date: '2021-08-01', asOf: '2021-03-01', expected: '2020-07-07', why: 'not yet approved' },
  {
    date: '2021-09-01',
    asOf: '2021-02-01',
    expected: '2020-07-07',
    why: 'a decision on 2021-02-01 uses the rules known then',
  },
  {
    date: '2021-09-01',
    asOf: '2021-03-02',
    expected: '2021-03-02',
    why: 'known on its approval day',
  },
  { date: '2023-05-31', expected: '2021-03-02', why: 'day before APBI' },
  { date: '2023-06-01', expected: '2023-01-10', why: 'APBI takes effect' },
  { date: '2023-06-01', asOf: '2023-01-09', expected: '2021-03-02', why: 'not yet approved' },
  { date: '2026-11-26', expected: '2023-01-10', why: 'today' },
];

describe('inEffect on the IMRT policy', () => {
  it.each(boundaries)('$date as of $asOf → $expected ($why)', ({ date, asOf, expected }) => {
    expect(inEffect(imrt, date, { asOf })?.id ?? null).toBe(expected);
  });

  it('covers the day before and the day of every effective date', () => {
    for (const r of imrt.revisions) {
      const dates = boundaries.filter((b) => b.asOf === undefined).map((b) => b.date);
      expect(dates).toContain(r.effectiveOn);
      expect(dates).toContain(addDays(r.effectiveOn, -1));
    }
  });

  it('has a timeline where 2015-07-07 never governs and each interval ends the day before the next', () => {
    const t = timeline(imrt).map((e) =>
      e.status === 'governs'
        ? [e.revision.id, e.from, e.through]
        : [e.revision.id, e.status, e.supersededBy.id],
    );
    expect(t).toEqual([
      ['2015-07-07', 'superseded-before-effective', '2015-09-08'],
      ['2015-09-08', '2015-11-01', '2016-02-29'],
      ['2016-03-01', '2016-03-01', '2016-10-31'],
      ['2016-11-01', '2016-11-01', '2017-12-04'],
      ['2017-12-05', '2017-12-05', '2020-07-06'],
      ['2020-07-07', '2020-07-07', '2021-07-31'],
      ['2021-03-02', '2021-08-01', '2023-05-31'],
      ['2023-01-10', '2023-06-01', null],
    ]);
  });
});
