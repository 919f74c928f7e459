import {
  codes,
  documentation,
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
    expect(d.counts).toEqual({ 'expands-coverage': 0, 'restricts-coverage': 0, administrative: 0 });
    expect(d.from.id).toBe('2020-02-04');
  });

  it('classifies the record: dates, basis and summary are administrative; the summary gets a word diff', () => {
    const v2 = load(
      base({
        ...later,
        effectiveOnBasis: 'stated',
        summary: 'Adds condition alpha; removes code 10003, revised',
      }),
    );
    const d = diffRevisions(v1, v2);
    expect(pick(d)).toEqual([
      ['date-changed', 'revision:approvedOn', 'administrative', 'revision-dates'],
      ['date-changed', 'revision:effectiveOn', 'administrative', 'revision-dates'],
      ['effective-basis-changed', 'revision:effectiveOnBasis', 'administrative', 'revision-dates'],
      ['summary-changed', 'revision:summary', 'administrative', 'summary-wording'],
    ]);
    const summary = d.changes[3] as Change;
    expect(summary.prose?.parts).toEqual([
      { op: 'equal', text: 'Adds condition alpha; removes code 10003' },
      { op: 'insert', text: ', revised' },
    ]);
    expect(d.changes.every((c) => c.lines.length === 0)).toBe(true);
    expect(d.impact).toBe('administrative');
  });

  it('an indication added for criteria review expands coverage; one added for medical director review does not', () => {
    const v2 = load(
      base({ ...later, indications: [indications.alpha, indications.beta, indications.gamma] }),
    );
    const d = diffRevisions(v1, v2);
    const added = d.changes.filter((c) => c.kind === 'indication-added');
    expect(added.map((c) => [c.subject, c.impact, c.rule, c.lines])).toEqual([
      [
        'indication:condition-beta',
        'expands-coverage',
        'indication-added-criteria-review',
        ['commercial'],
      ],
      [
        'indication:condition-gamma',
        'administrative',
        'indication-added-medical-director-review',
        ['commercial'],
      ],
    ]);
    expect(added[1]?.after).toMatchObject({ requires: 'medical-director-review' });
    expect(d.impact).toBe('expands-coverage');
    expect(releaseType(d.impact)).toBe('minor');
  });

  it('an indication moving to medical director review restricts coverage', () => {
    const v2 = load(
      base({
        ...later,
        indications: [{ ...indications.alpha, requires: 'medical-director-review' }],
      }),
    );
    const d = diffRevisions(v1, v2);
    const moved = d.changes.find((c) => c.kind === 'indication-changed');
    expect(moved).toMatchObject({
      field: 'requires',
      impact: 'restricts-coverage',
      rule: 'indication-requires-medical-director-review',
      before: { requires: 'criteria-review' },
      after: { requires: 'medical-director-review' },
    });
    expect(d.impact).toBe('restricts-coverage');
    expect(releaseType(d.impact)).toBe('major');
    // and back again
    expect(
      diffRevisions(v2, v1).changes.find((c) => c.kind === 'indication-changed'),
    ).toMatchObject({
      impact: 'expands-coverage',
      rule: 'indication-requires-criteria-review',
    });
  });

  it('a reworded statement is administrative, with a word diff', () => {
    const v2 = load(
      base({
        ...later,
        indications: [{ ...indications.alpha, statement: 'Adds condition alpha again.' }],
      }),
    );
    const c = diffRevisions(v1, v2).changes.find((x) => x.kind === 'indication-changed');
    expect(c).toMatchObject({
      field: 'statement',
      rule: 'indication-wording',
      impact: 'administrative',
    });
    expect(c?.prose && proseSide(c.prose, 'before')).toBe('Adds condition alpha.');
    expect(c?.prose && proseSide(c.prose, 'after')).toBe('Adds condition alpha again.');
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
      'commercial',
    ]);
  });

  it('a swap of one article for another is one administrative change; other sources are added or removed', () => {
    const v2 = load(
      base({
        ...later,
        criteria: {
          medicare: { sources: [sources.lcdA, sources.articleB], statedNone: [] },
          commercial: { sources: [sources.guideline] },
        },
      }),
    );
    const v1a = load(
      base({
        criteria: {
          medicare: { sources: [sources.lcdB, sources.lcdA, sources.articleA], statedNone: [] },
          commercial: { sources: [sources.plan] },
        },
      }),
    );
    const d = diffRevisions(v1a, v2);
    expect(pick(d).filter(([k]) => k.startsWith('source'))).toEqual([
      [
        'source-replaced',
        'source:medicare:billing-article',
        'administrative',
        'criteria-source-replaced',
      ],
      ['source-removed', 'source:medicare:L00002', 'administrative', 'criteria-source-removed'],
      ['source-added', 'source:commercial:G-0001', 'administrative', 'criteria-source-added'],
      [
        'source-removed',
        'source:commercial:plan-widget',
        'administrative',
        'criteria-source-removed',
      ],
    ]);
    expect(d.changes.find((c) => c.kind === 'source-replaced')).toMatchObject({
      before: { id: 'A00001' },
      after: { id: 'A00002' },
    });
  });

  it("a source's retirement and edition are administrative changes of that source", () => {
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
          commercial: {
            sources: [sources.plan],
            silence: { reading: 'Made up for the diff tests.' },
          },
        },
      }),
    );
    expect(pick(diffRevisions(v1, v2)).slice(2)).toEqual([
      ['source-changed', 'source:medicare:A00001', 'administrative', 'criteria-source-details'],
      ['stated-none-changed', 'stated-none:medicare:ncd', 'administrative', 'stated-none'],
      ['criteria-silence-changed', 'silence:commercial', 'administrative', 'criteria-silence'],
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

  it('indication rules extended to a line restrict; an unnamed indication added expands', () => {
    const v2 = load(
      base({
        ...later,
        indicationRulesApplyTo: ['medicare', 'commercial'],
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
        'indication-rules-changed',
        'indication-rules:medicare',
        'restricts-coverage',
        'indication-rules-extended',
      ],
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
  it('a restriction outweighs an expansion, which outweighs an administrative change', () => {
    expect(overallImpact([])).toBe('none');
    expect(overallImpact([{ impact: 'administrative' }])).toBe('administrative');
    expect(overallImpact([{ impact: 'administrative' }, { impact: 'expands-coverage' }])).toBe(
      'expands-coverage',
    );
    expect(overallImpact([{ impact: 'restricts-coverage' }, { impact: 'expands-coverage' }])).toBe(
      'restricts-coverage',
    );
    expect(
      (['restricts-coverage', 'expands-coverage', 'administrative', 'none'] as const).map(
        releaseType,
      ),
    ).toEqual(['major', 'minor', 'patch', 'none']);
  });
});

describe('rules', () => {
  it('every rule states its impact and why', () => {
    for (const [id, r] of Object.entries(rules)) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['expands-coverage', 'restricts-coverage', 'administrative']).toContain(r.impact);
      expect(r.why.length).toBeGreaterThan(20);
    }
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
