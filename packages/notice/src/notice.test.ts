import { CriteriaError } from '@criteria/errors';
import { fixturePolicy as widget } from '@criteria/fixture-policy';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
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
      linesOfBusiness: ['medicare', 'commercial'],
    });
    expect(n.changes.map((c) => [c.subject, c.impact, c.rule, c.lines])).toEqual([
      ['code:Z0001', 'expands-coverage', 'code-added-to-scope', ['medicare', 'commercial']],
      ['source:medicare:lcd', 'administrative', 'criteria-source-replaced', ['medicare']],
      [
        'source:medicare:billing-article',
        'administrative',
        'criteria-source-replaced',
        ['medicare'],
      ],
      ['source:commercial:G-0001', 'administrative', 'criteria-source-added', ['commercial']],
      [
        'indication-rules:medicare',
        'restricts-coverage',
        'indication-rules-extended',
        ['medicare'],
      ],
      [
        'indication:condition-alpha',
        'restricts-coverage',
        'indication-requires-medical-director-review',
        ['medicare', 'commercial'],
      ],
      [
        'indication:condition-alpha',
        'administrative',
        'indication-wording',
        ['medicare', 'commercial'],
      ],
      [
        'indication:condition-beta',
        'expands-coverage',
        'indication-added-criteria-review',
        ['medicare', 'commercial'],
      ],
    ]);
    expect(n.changes.at(-1)).toEqual({
      kind: 'indication-added',
      subject: 'indication:condition-beta',
      area: 'indications',
      impact: 'expands-coverage',
      rule: 'indication-added-criteria-review',
      lines: ['medicare', 'commercial'],
      text: 'Added indication: Condition beta. Requests for it are reviewed against the criteria.',
      quote: 'Adds condition beta.',
    });
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
      n.changes
        .filter((c) => c.subject === 'indication:condition-alpha')
        .map((c) => [c.rule, c.text]),
    ).toEqual([
      [
        'indication-requires-medical-director-review',
        'Condition alpha <a|b>: requests now need medical director review (before: reviewed against the criteria).',
      ],
      ['indication-wording', "Condition alpha <a|b>: the revision record's statement changed."],
    ]);
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
      lines: ['medicare', 'commercial'],
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

  it('the JSON shape is a zod schema; its JSON Schema is kept in a snapshot', async () => {
    for (const r of widget.revisions)
      expect(ChangeNoticeSchema.safeParse(buildNotice(widget, r.id)).success).toBe(true);
    await expect(
      `${JSON.stringify(z.toJSONSchema(ChangeNoticeSchema), null, 2)}\n`,
    ).toMatchFileSnapshot('./__snapshots__/change-notice.schema.json');
  });
});
