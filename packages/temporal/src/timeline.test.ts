import { describe, expect, it } from 'vitest';
import { sourceStatus } from './source-status.js';
import { timeline } from './timeline.js';

const a = { id: 'a', approvedOn: '2015-07-07', effectiveOn: '2015-11-01' };
const b = { id: 'b', approvedOn: '2015-09-08', effectiveOn: '2015-11-01' };
const c = { id: 'c', approvedOn: '2016-03-01', effectiveOn: '2016-03-01' };

describe('timeline', () => {
  it('marks a revision superseded before it took effect and closes intervals the day before the next', () => {
    expect(timeline({ revisions: [a, b, c] })).toEqual([
      { revision: a, status: 'superseded-before-effective', supersededBy: b },
      {
        revision: b,
        status: 'governs',
        from: '2015-11-01',
        through: '2016-02-29',
        supersededBy: c,
      },
      { revision: c, status: 'governs', from: '2016-03-01', through: null, supersededBy: null },
    ]);
  });
  it('as of a date, shows only what was known then', () => {
    expect(timeline({ revisions: [a, b, c] }, { asOf: '2015-08-01' })).toEqual([
      { revision: a, status: 'governs', from: '2015-11-01', through: null, supersededBy: null },
    ]);
  });
});

describe('sourceStatus', () => {
  const lcd = { retirement: { on: '2020-08-01', stillApplied: true, provenance: { cites: [] } } };
  it('is active before its retirement and retired-but-applied from that day', () => {
    expect(sourceStatus(lcd, '2020-07-31')).toEqual({ status: 'active', applied: true });
    expect(sourceStatus(lcd, '2020-08-01')).toEqual({
      status: 'retired',
      retiredOn: '2020-08-01',
      applied: true,
    });
    expect(sourceStatus({}, '2030-01-01')).toEqual({ status: 'active', applied: true });
  });
});
