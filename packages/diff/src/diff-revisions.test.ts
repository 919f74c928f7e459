import {
  codes,
  documentation,
  fixturePolicy,
  fixtureRevision,
  indications,
  load,
  sources,
} from '@criteria/fixture-policy';
import type { RevisionInput } from '@criteria/schema';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Change, ChangeKind } from './change.js';
import { diffRevisions, overallImpact } from './diff-revisions.js';
import { proseSide } from './prose.js';
import { releaseType } from './release-type.js';
import { type RuleId, rules } from './rules.js';

/** The fixture's revision 2020-02-04 (codes 10001 and 10002, condition alpha), with `over`. */
const base = (over: Partial<RevisionInput> = {}) => fixtureRevision(over, '2020-02-04');
const v1 = load(base());
// After every fixture indication is named (the last, condition beta, in 2022-03-02).
const later = { id: '2022-06-01', approvedOn: '2022-06-01', effectiveOn: '2022-08-01' } as const;
const pick = (d: { changes: Change[] }) =>
  d.changes.map((c) => [c.kind, c.subject, c.impact, c.rule] as const);

describe('diffRevisions', () => {
  it('finds nothing between a revision and itself', () => {
    const d = diffRevisions(v1, v1);
    expect(d.changes).toEqual([]);
    expect(d.impact).toBe('none');
    expect(d.counts).toEqual({
      'expands-coverage': 0,
      'restricts-coverage': 0,
      substantive: 0,
      administrative: 0,
      record: 0,
    });
    expect(d.readings).toBeNull();
    expect(d.from.id).toBe('2020-02-04');
  });

  it('classifies the record: dates, basis and summary are changes of the record; the summary gets a word diff', () => {
    const v2 = load(
      base({
        ...later,
        effectiveOnBasis: 'stated',
        summary: 'Adds condition alpha; removes code 10003, revised',
      }),
    );
    const d = diffRevisions(v1, v2);
    expect(pick(d)).toEqual([
      ['date-changed', 'revision:approvedOn', 'record', 'revision-dates'],
      ['date-changed', 'revision:effectiveOn', 'record', 'revision-dates'],
      ['effective-basis-changed', 'revision:effectiveOnBasis', 'record', 'revision-dates'],
      ['summary-changed', 'revision:summary', 'record', 'summary-wording'],
    ]);
    const summary = d.changes[3] as Change;
    expect(summary.prose?.parts).toEqual([
      { op: 'equal', text: 'Adds condition alpha; removes code 10003' },
      { op: 'insert', text: ', revised' },
    ]);
    expect(d.changes.every((c) => c.lines.length === 0)).toBe(true);
    expect(d.impact).toBe('record');
    expect(releaseType(d.impact)).toBe('patch');
  });

  it('a named indication expands coverage; its route changes come from the readings edition', () => {
    const [, , v2021, v2022] = fixturePolicy.revisions;
    if (!v2021 || !v2022) throw new Error('fixture revisions');
    const facts = diffRevisions(v2021, v2022);
    expect(
      facts.changes
        .filter((c) => c.kind === 'indication-added')
        .map((c) => [c.subject, c.impact, c.rule, c.lines]),
    ).toEqual([
      [
        'indication:condition-beta',
        'expands-coverage',
        'indication-added',
        ['medicare', 'non-medicare'],
      ],
    ]);
    expect(facts.changes.some((c) => c.kind === 'route-changed')).toBe(false);
    const edition = fixturePolicy.readings[0];
    const d = diffRevisions(v2021, v2022, { readings: edition });
    expect(d.readings).toEqual({ edition: '2022-06-01', sha256: edition?.sha256 });
    expect(
      d.changes.filter((c) => c.kind === 'route-changed').map((c) => [c.subject, c.impact, c.rule]),
    ).toEqual([
      ['route:medicare:condition-alpha', 'restricts-coverage', 'route-to-medical-director-review'],
      ['route:medicare:condition-gamma', 'restricts-coverage', 'route-to-medical-director-review'],
      [
        'route:non-medicare:condition-alpha',
        'restricts-coverage',
        'route-to-medical-director-review',
      ],
      ['route:non-medicare:condition-beta', 'expands-coverage', 'route-to-criteria-review'],
    ]);
    expect(d.changes.find((c) => c.subject === 'route:non-medicare:condition-beta')).toMatchObject({
      before: { route: 'medical-director-review', reading: 'condition-beta-before-2022-03-02' },
      after: { route: 'criteria-review', reading: 'others-criteria-review' },
    });
    expect(d.impact).toBe('restricts-coverage');
    expect(releaseType(d.impact)).toBe('major');
    // and back again: mirrored
    expect(
      diffRevisions(v2022, v2021, { readings: edition }).changes.find(
        (c) => c.subject === 'route:non-medicare:condition-beta',
      ),
    ).toMatchObject({ impact: 'restricts-coverage', rule: 'route-to-medical-director-review' });
  });

  it('a relabelled indication is substantive, with a word diff', () => {
    const v2 = load(
      base({
        ...later,
        indications: [{ ...indications.alpha, label: 'Condition alpha, any stage' }],
      }),
    );
    const c = diffRevisions(v1, v2).changes.find((x) => x.kind === 'indication-changed');
    expect(c).toMatchObject({ field: 'label', rule: 'indication-wording', impact: 'substantive' });
    expect(c?.prose && proseSide(c.prose, 'before')).toBe('Condition alpha');
    expect(c?.prose && proseSide(c.prose, 'after')).toBe('Condition alpha, any stage');
  });

  it('a code removed as deleted is administrative; any other code removed restricts', () => {
    // From the fixture's first revision, which still lists the deleted code 10003.
    const v0 = load(fixtureRevision());
    expect(v0.codes.map((c) => c.code)).toEqual(['10001', '10002', '10003']);
    const v2 = load(base({ ...later, codes: [codes.c1, codes.h1] }));
    const d = diffRevisions(v0, v2);
    expect(pick(d).filter(([k]) => k.startsWith('code'))).toEqual([
      ['code-added', 'code:Z0001', 'expands-coverage', 'code-added-to-scope'],
      ['code-removed', 'code:10002', 'restricts-coverage', 'code-removed-from-scope'],
      ['code-removed', 'code:10003', 'administrative', 'deleted-code-removed'],
    ]);
    expect(d.changes.find((c) => c.subject === 'code:10003')?.lines).toEqual([
      'medicare',
      'non-medicare',
    ]);
  });

  it('a swap of one billing article for another is one administrative change (a citation); every other source change is substantive', () => {
    const v2 = load(
      base({
        ...later,
        criteria: {
          medicare: { sources: [sources.lcdA, sources.articleB], statedNone: [] },
          'non-medicare': { sources: [sources.guideline] },
        },
      }),
    );
    const v1a = load(
      base({
        criteria: {
          medicare: { sources: [sources.lcdB, sources.lcdA, sources.articleA], statedNone: [] },
          'non-medicare': { sources: [sources.plan] },
        },
      }),
    );
    const d = diffRevisions(v1a, v2);
    expect(pick(d).filter(([k]) => k.startsWith('source'))).toEqual([
      [
        'source-replaced',
        'source:medicare:billing-article',
        'administrative',
        'billing-article-citation',
      ],
      ['source-removed', 'source:medicare:L00002', 'substantive', 'criteria-source-removed'],
      ['source-added', 'source:non-medicare:G-0001', 'substantive', 'criteria-source-added'],
      [
        'source-removed',
        'source:non-medicare:plan-widget',
        'substantive',
        'criteria-source-removed',
      ],
    ]);
    expect(d.changes.find((c) => c.kind === 'source-replaced')).toMatchObject({
      before: { id: 'A00001' },
      after: { id: 'A00002' },
    });
  });

  it("a source's retirement, a stated none and the record's silence are substantive changes", () => {
    const v2 = load(
      base({
        ...later,
        criteria: {
          medicare: {
            sources: [
              sources.lcdB,
              {
                ...sources.articleA,
                retirement: {
                  on: '2021-02-01',
                  stillApplied: true,
                  provenance: { reading: 'Made up for the diff tests.' },
                },
              },
            ],
            statedNone: [{ kind: 'ncd', provenance: { reading: 'Made up for the diff tests.' } }],
          },
          'non-medicare': {
            sources: [sources.plan],
            silence: { reading: 'Made up for the diff tests.' },
          },
        },
      }),
    );
    expect(pick(diffRevisions(v1, v2)).slice(2)).toEqual([
      ['source-changed', 'source:medicare:A00001', 'substantive', 'criteria-source-details'],
      ['stated-none-changed', 'stated-none:medicare:ncd', 'substantive', 'stated-none'],
      ['criteria-silence-changed', 'silence:non-medicare', 'substantive', 'criteria-silence'],
    ]);
  });

  it('documentation: more required or a shorter look-back restricts; less expands', () => {
    const v2 = load(
      base({ ...later, documentation: [{ ...documentation.notesA, lookbackMonths: 3 }] }),
    );
    expect(pick(diffRevisions(v1, v2)).slice(2)).toEqual([
      [
        'documentation-changed',
        'documentation:notes-a',
        'restricts-coverage',
        'documentation-lookback-shorter',
      ],
      [
        'documentation-removed',
        'documentation:notes-b',
        'expands-coverage',
        'documentation-dropped',
      ],
    ]);
  });

  it('an unnamed indication added expands', () => {
    const v2 = load(
      base({
        ...later,
        unnamedIndications: [
          {
            addedIn: '2021-01-01',
            what: 'An unnamed indication.',
            provenance: { reading: 'Made up for the diff tests.' },
          },
        ],
      }),
    );
    expect(pick(diffRevisions(v1, v2)).slice(2)).toEqual([
      [
        'unnamed-indication-added',
        'unnamed-indication:2021-01-01#1',
        'expands-coverage',
        'unnamed-indication-added',
      ],
    ]);
  });

  it('notice terms are an administrative change of the record', () => {
    const v2 = load(
      base({
        ...later,
        notice: {
          required: true,
          periodDays: 60,
          basis: 'stated',
          provenance: { reading: 'Made up for the diff tests.' },
        },
      }),
    );
    expect(diffRevisions(v1, v2).changes.find((c) => c.kind === 'notice-changed')).toMatchObject({
      area: 'notice',
      rule: 'notice-terms',
      before: { required: false, periodDays: null },
      after: { required: true, periodDays: 60, basis: 'stated' },
    });
  });
});

describe('overallImpact and releaseType', () => {
  it('a restriction outweighs a substantive change, then an expansion, an administrative change, the record', () => {
    expect(overallImpact([])).toBe('none');
    expect(overallImpact([{ impact: 'record' }])).toBe('record');
    expect(overallImpact([{ impact: 'record' }, { impact: 'administrative' }])).toBe(
      'administrative',
    );
    expect(overallImpact([{ impact: 'substantive' }, { impact: 'expands-coverage' }])).toBe(
      'substantive',
    );
    expect(overallImpact([{ impact: 'substantive' }, { impact: 'restricts-coverage' }])).toBe(
      'restricts-coverage',
    );
    expect(overallImpact([{ impact: 'administrative' }])).toBe('administrative');
    expect(overallImpact([{ impact: 'administrative' }, { impact: 'expands-coverage' }])).toBe(
      'expands-coverage',
    );
    expect(overallImpact([{ impact: 'restricts-coverage' }, { impact: 'expands-coverage' }])).toBe(
      'restricts-coverage',
    );
    expect(
      (
        [
          'restricts-coverage',
          'substantive',
          'expands-coverage',
          'administrative',
          'record',
          'none',
        ] as const
      ).map(releaseType),
    ).toEqual(['major', 'major', 'minor', 'patch', 'patch', 'none']);
  });
});

describe('rules', () => {
  it('every rule states its impact and why', () => {
    for (const [id, r] of Object.entries(rules)) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect([
        'expands-coverage',
        'restricts-coverage',
        'substantive',
        'administrative',
        'record',
      ]).toContain(r.impact);
      expect(r.why.length).toBeGreaterThan(20);
    }
    // Administrative is only a deleted code removed or the billing-article citation changed.
    expect(
      Object.entries(rules)
        .filter(([, r]) => r.impact === 'administrative')
        .map(([id]) => id),
    ).toEqual(['deleted-code-removed', 'billing-article-citation']);
  });

  it('types: a change carries its rule id, and the kinds are a closed set', () => {
    expectTypeOf<Change['rule']>().toEqualTypeOf<RuleId>();
    expectTypeOf<'indication-added'>().toExtend<ChangeKind>();
    expectTypeOf<'indication-moved'>().not.toExtend<ChangeKind>();
  });
});

describe('proseDiff', () => {
  it('keeps a one-word edit small, and folds a rewritten phrase into one deletion and one insertion', async () => {
    const { proseDiff } = await import('./prose.js');
    expect(proseDiff('requires MD review', 'requires medical director review').parts).toEqual([
      { op: 'equal', text: 'requires ' },
      { op: 'delete', text: 'MD ' },
      { op: 'insert', text: 'medical director ' },
      { op: 'equal', text: 'review' },
    ]);
    expect(proseDiff('new indication for esophageal cancer', 'removed deleted code').parts).toEqual(
      [
        { op: 'delete', text: 'new indication for esophageal cancer' },
        { op: 'insert', text: 'removed deleted code' },
      ],
    );
    expect(proseDiff('', 'x').parts).toEqual([{ op: 'insert', text: 'x' }]);
    expect(proseDiff('same', 'same').parts).toEqual([{ op: 'equal', text: 'same' }]);
  });
});
