import { addDays } from '@criteria/calendar';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inEffect, selectRevision } from './select.js';
import { timeline } from './timeline.js';

const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2015-01-01', n));
const revision = fc
  .tuple(day, fc.integer({ min: 0, max: 400 }))
  .map(([approvedOn, lead]) => ({ approvedOn, effectiveOn: addDays(approvedOn, lead) }));
const revisions = fc.array(revision, { maxLength: 12 });
const asOf = fc.option(day, { nil: undefined });

describe('selectRevision (properties)', () => {
  it('at most one revision governs a date, and it is the one the timeline gives', () => {
    fc.assert(
      fc.property(revisions, day, asOf, (rs, d, k) => {
        const chosen = selectRevision(rs, d, k);
        const covering = timeline({ revisions: rs }, { asOf: k }).filter(
          (e) => e.status === 'governs' && e.from <= d && (e.through === null || d <= e.through),
        );
        expect(covering.length).toBeLessThanOrEqual(1);
        expect(covering[0]?.revision ?? null).toBe(chosen);
      }),
    );
  });

  it('for a fixed asOf, a later date of service never selects an earlier-effective revision', () => {
    fc.assert(
      fc.property(revisions, day, day, asOf, (rs, a, b, k) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const first = selectRevision(rs, early, k);
        const second = selectRevision(rs, late, k);
        if (first !== null) {
          expect(second !== null && second.effectiveOn >= first.effectiveOn).toBe(true);
        }
      }),
    );
  });

  it('adding a revision approved after asOf changes nothing', () => {
    fc.assert(
      fc.property(
        revisions,
        day,
        day,
        revision,
        fc.integer({ min: 1, max: 500 }),
        (rs, d, k, extra, after) => {
          const late = {
            approvedOn: addDays(k, after),
            effectiveOn: addDays(k, after + (extra.effectiveOn < extra.approvedOn ? 0 : 1)),
          };
          expect(selectRevision([...rs, late], d, k)).toBe(selectRevision(rs, d, k));
        },
      ),
    );
  });

  it('the selected revision is effective and known, and no better one exists', () => {
    fc.assert(
      fc.property(revisions, day, asOf, (rs, d, k) => {
        const chosen = selectRevision(rs, d, k);
        const eligible = rs.filter(
          (r) => r.effectiveOn <= d && (k === undefined || r.approvedOn <= k),
        );
        if (chosen === null) {
          expect(eligible).toEqual([]);
          return;
        }
        expect(eligible).toContain(chosen);
        for (const r of eligible)
          expect(
            r.effectiveOn < chosen.effectiveOn ||
              (r.effectiveOn === chosen.effectiveOn && r.approvedOn <= chosen.approvedOn),
          ).toBe(true);
      }),
    );
  });
});

describe('inEffect', () => {
  const policy = { revisions: [{ approvedOn: '2021-03-02', effectiveOn: '2021-08-01' }] };
  it.each(['2021-02-30', '2021-2-3', '', '2021-13-01'])('names the invalid date %j', (bad) => {
    expect(() => inEffect(policy, bad)).toThrowError(
      expect.objectContaining({
        code: 'invalid_date',
        message: expect.stringContaining(`\`${bad}\``),
      }),
    );
    expect(() => inEffect(policy, '2021-09-01', { asOf: bad })).toThrowError(/asOf/);
  });
  it('gives null before the first revision takes effect, not the nearest one', () => {
    expect(inEffect(policy, '2021-07-31')).toBeNull();
    expect(inEffect(policy, '2021-08-01')).toBe(policy.revisions[0]);
  });
});
