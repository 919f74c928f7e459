import { CriteriaError } from '@criteria/errors';
import { fixturePolicy as widget } from '@criteria/fixture-policy';
import { describe, expect, it } from 'vitest';
import { shortNotice } from '../test/short-notice.js';
import { buildNotice, ChangeNoticeSchema } from './notice.js';

describe('buildNotice', () => {
  it('gives the due date (effective minus the period), the lead time and whether it is met', () => {
    const n = buildNotice(widget, '2022-03-02');
    expect(n).toMatchObject({
      revision: '2022-03-02',
      approvedOn: '2022-03-02',
      effectiveOn: '2022-08-01',
      notice: { required: true, periodDays: 60, basis: 'stated' },
      noticeDueBy: '2022-06-02',
      leadDays: 152,
      compliant: true,
      replaces: { revision: '2021-05-01' },
      impact: 'restricts-coverage',
      releaseType: 'major',
      linesOfBusiness: ['medicare', 'non-medicare'],
      producedOn: '2022-06-02',
      readings: { edition: '2022-06-01' },
    });
    expect(n.changes.map((c) => [c.subject, c.impact, c.rule, c.basis.kind])).toEqual([
      ['code:Z0001', 'expands-coverage', 'code-added-to-scope', 'stated'],
      ['source:medicare:lcd', 'substantive', 'criteria-source-replaced', 'stated'],
      ['source:medicare:billing-article', 'administrative', 'billing-article-citation', 'stated'],
      ['source:non-medicare:G-0001', 'substantive', 'criteria-source-added', 'stated'],
      ['indication:condition-beta', 'expands-coverage', 'indication-added', 'stated'],
      [
        'route:medicare:condition-alpha',
        'restricts-coverage',
        'route-to-medical-director-review',
        'reading',
      ],
      [
        'route:medicare:condition-gamma',
        'restricts-coverage',
        'route-to-medical-director-review',
        'reading',
      ],
      [
        'route:non-medicare:condition-alpha',
        'restricts-coverage',
        'route-to-medical-director-review',
        'reading',
      ],
      [
        'route:non-medicare:condition-beta',
        'expands-coverage',
        'route-to-criteria-review',
        'reading',
      ],
    ]);
    expect(n.changes.at(-1)).toMatchObject({
      kind: 'route-changed',
      lines: ['non-medicare'],
      text: 'Non-Medicare members: requests for Condition beta go to criteria review (before: medical director review). This is our reading of the record, not its words.',
      basis: {
        kind: 'reading',
        readings: [{ id: 'condition-beta-before-2022-03-02' }, { id: 'others-criteria-review' }],
      },
    });
    // the billing article retired 2022-03-01 is known on the production date 2022-06-02
    expect(n.changes[2]?.text).toContain('retired 2022-03-01 and still applied');
    expect(n.howWeRead.map((r) => r.id)).toEqual([
      'medicare-criteria-review',
      'alpha-medical-director-review',
      'gamma-medical-director-review',
      'others-criteria-review',
      'condition-beta-before-2022-03-02',
    ]);
    expect(n.codes.added).toEqual([{ code: 'Z0001', system: 'HCPCS', label: 'Widget session' }]);
  });

  it('a lead time shorter than the period is not compliant', () => {
    const n = buildNotice(shortNotice, '2022-03-02');
    expect(n).toMatchObject({
      effectiveOn: '2022-04-01',
      noticeDueBy: '2022-01-31',
      leadDays: 30,
      compliant: false,
      impact: 'restricts-coverage',
      releaseType: 'major',
    });
    expect(
      n.changes.filter((c) => c.subject.endsWith(':condition-alpha')).map((c) => [c.rule, c.text]),
    ).toEqual([
      [
        'route-to-medical-director-review',
        'Medicare members: requests for Condition alpha <a|b> go to medical director review (before: criteria review). This is our reading of the record, not its words.',
      ],
      [
        'route-to-medical-director-review',
        'Non-Medicare members: requests for Condition alpha <a|b> go to medical director review (before: criteria review). This is our reading of the record, not its words.',
      ],
    ]);
    // produced on its due date (2022-01-31), the notice does not know the 2022-03-01 retirement
    expect(JSON.stringify(n)).not.toContain('2022-03-01');
  });

  it('a revision superseded before it took effect says it governed no date of service', () => {
    expect(buildNotice(widget, '2020-01-07').supersededBeforeEffective).toEqual({
      by: '2020-02-04',
      approvedOn: '2020-02-04',
      effectiveOn: '2020-03-01',
    });
    // produced before its successor was approved, it cannot know
    expect(
      buildNotice(widget, '2020-01-07', { producedOn: '2020-02-03' }).supersededBeforeEffective,
    ).toBeNull();
    expect(buildNotice(widget, '2020-02-04').supersededBeforeEffective).toBeNull();
  });

  it('a revision needing no notice has no due date and breaks no rule', () => {
    const n = buildNotice(widget, '2020-02-04');
    expect(n).toMatchObject({ noticeDueBy: null, compliant: true, leadDays: 26 });
    expect(n.codes.removed).toEqual([
      { code: '10003', system: 'CPT', label: 'Old widget delivery' },
    ]);
    expect(n.changes.find((c) => c.kind === 'code-removed')).toMatchObject({
      rule: 'deleted-code-removed',
      impact: 'administrative',
      lines: ['medicare', 'non-medicare'],
    });
  });

  it('the first revision replaces nothing and lists no change', () => {
    const n = buildNotice(widget, '2020-01-07');
    expect(n).toMatchObject({ replaces: null, changes: [], impact: 'none', releaseType: 'none' });
    expect(n.codes.inScope.map((c) => c.code)).toEqual(['10001', '10002', '10003']);
  });

  it('leaves the record (dates, summary, notice terms) out of the changes: the notice states them itself', () => {
    // 2022-03-02 changes its dates, summary and notice terms from 2021-05-01's.
    const kinds = buildNotice(widget, '2022-03-02').changes.map((c) => c.kind);
    expect(kinds).not.toContain('date-changed');
    expect(kinds).not.toContain('summary-changed');
    expect(kinds).not.toContain('notice-changed');
  });

  it('an unknown revision is `unknown_revision`, naming the known ones', () => {
    expect(() => buildNotice(widget, '2020-02-30')).toThrow(CriteriaError);
    try {
      buildNotice(widget, 'nope');
    } catch (e) {
      expect((e as CriteriaError).code).toBe('unknown_revision');
      expect((e as CriteriaError).message).toBe(
        'revision: `nope` is not a revision of widget (known: 2020-01-07, 2020-02-04, 2021-05-01, 2022-03-02)',
      );
    }
  });

  it('the JSON shape is a zod schema (its JSON Schema: schemas/notice.schema.json)', () => {
    for (const r of widget.revisions)
      expect(ChangeNoticeSchema.safeParse(buildNotice(widget, r.id)).success).toBe(true);
  });
});
