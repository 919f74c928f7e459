import {
  codes,
  documentation,
  fixtureRevision,
  indications,
  load,
  sources,
} from '@criteria/fixture-policy';
import {
  buildReadingsEdition,
  canonicalJson,
  type LoadedRevision,
  type RevisionInput,
} from '@criteria/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Change, Impact } from './change.js';
import { diffRevisions } from './diff-revisions.js';
import { proseSide } from './prose.js';
import { rules } from './rules.js';

const subset = <T>(xs: readonly T[], min = 0) =>
  fc
    .subarray([...xs], { minLength: min })
    .chain((s) => fc.shuffledSubarray(s, { minLength: s.length }));

const reading = { reading: 'Made up for the property test.' };

/** Random revisions built from the fixture's pools, with random edits of every field the diff reads. */
const revision = fc
  .record({
    // Not before 2022-03-02, when the last fixture indication (condition beta) is named.
    id: fc.constantFrom('2022-03-02', '2022-06-01', '2023-01-01'),
    lag: fc.integer({ min: 0, max: 1 }),
    basis: fc.constantFrom('stated', 'assumed', 'reading'),
    summary: fc.constantFrom(
      'Widget therapy criteria',
      'Widget therapy criteria, revised',
      'Added a new condition',
    ),
    notice: fc.boolean(),
    codes: subset(Object.values(codes), 1),
    relabel: fc.boolean(),
    medicare: subset([sources.lcdA, sources.lcdB, sources.articleA, sources.articleB]),
    retire: fc.boolean(),
    nonMedicare: subset([sources.plan, sources.guideline]),
    statedNone: subset(['ncd', 'cms-manual'] as const),
    silent: fc.boolean(),
    indications: subset([indications.alpha, indications.beta, indications.gamma]),
    flip: fc.boolean(),
    reword: fc.boolean(),
    rename: fc.boolean(),
    unnamed: fc.integer({ min: 0, max: 2 }),
    unnamedWording: fc.constantFrom('Unnamed indication', 'An indication added without a name'),
    documentation: subset(Object.values(documentation)),
    lookback: fc.constantFrom(3, 6, 12),
    docLabel: fc.boolean(),
  })
  .map((r): RevisionInput => {
    const [year] = r.id.split('-');
    return fixtureRevision({
      id: r.id,
      approvedOn: r.id,
      effectiveOn: r.lag ? `${year}-06-01` : r.id,
      effectiveOnBasis: r.basis,
      summary: r.summary,
      notice: r.notice
        ? { required: true, periodDays: 60, basis: 'stated', provenance: reading }
        : { required: false, periodDays: null, basis: 'not-stated', provenance: reading },
      codes: r.codes.map((c, i) =>
        r.relabel && i === 0 ? { ...c, label: `${c.label} (renamed)` } : c,
      ),
      criteria: {
        medicare: {
          sources: r.medicare.map((s) =>
            r.retire && s.id === 'L00001'
              ? { ...s, retirement: { on: '2021-06-01', stillApplied: true, provenance: reading } }
              : s,
          ),
          statedNone: r.statedNone.map((kind) => ({ kind, provenance: reading })),
        },
        'non-medicare': {
          sources: r.nonMedicare,
          ...(r.silent ? { silence: reading } : {}),
        },
      },
      indications: r.indications.map((i, n) => ({
        ...i,
        ...(r.flip && n === 0 ? { namedIn: r.id } : {}),
        ...(r.reword && n === 0 ? { label: `${i.label} (reworded)` } : {}),
        ...(r.rename && n === 0 ? { label: `${i.label}, renamed`, namedIn: '2019-09-01' } : {}),
      })),
      unnamedIndications: Array.from({ length: r.unnamed }, (_, n) => ({
        addedIn: '2020-01-01',
        what: `${r.unnamedWording} ${n + 1}.`,
        provenance: reading,
      })),
      documentation: r.documentation.map((d, n) =>
        n === 0
          ? {
              ...d,
              lookbackMonths: r.lookback,
              ...(r.docLabel ? { label: `${d.label} (any clinic)` } : {}),
            }
          : d,
      ),
    });
  })
  .map(load);

/** A made-up readings edition over both revisions, so route changes are compared too. */
const editionFor = (revisions: readonly LoadedRevision[]) => {
  const all = revisions.map((r) => r.id);
  const basis = { cites: [], reason: 'Made up for the property test.' };
  return buildReadingsEdition(
    {
      policy: 'widget',
      edition: '2024-01-01',
      readings: [
        {
          id: 'medicare-criteria-review',
          appliesTo: all,
          decides: { kind: 'line-route', line: 'medicare', route: 'criteria-review' },
          statement: 'Medicare: criteria review whatever the indication.',
          basis,
        },
        {
          id: 'gamma-medical-director-review',
          appliesTo: all,
          decides: {
            kind: 'indication-route',
            indication: 'condition-gamma',
            route: 'medical-director-review',
          },
          statement: 'Condition gamma: medical director review.',
          basis,
        },
        {
          id: 'default-criteria-review',
          appliesTo: all,
          decides: { kind: 'default-route', route: 'criteria-review' },
          statement: 'Every other indication: criteria review.',
          basis,
        },
      ],
      derive: [{ phrase: 'new condition', route: 'medical-director-review', reason: basis.reason }],
      diagnosisMap: { note: 'none', rows: [] },
    },
    revisions,
  );
};

/** Both directions of a diff, with one edition read over both revisions. */
const diffWith = (a: LoadedRevision, b: LoadedRevision) => {
  const both = [
    ...new Map([a, b].sort((x, y) => (x.id < y.id ? -1 : 1)).map((r) => [r.id, r])).values(),
  ];
  const readings = editionFor(both);
  return {
    forward: diffRevisions(a, b, { readings }),
    backward: diffRevisions(b, a, { readings }),
  };
};

const mirrorImpact: Record<Impact, Impact> = {
  'expands-coverage': 'restricts-coverage',
  'restricts-coverage': 'expands-coverage',
  substantive: 'substantive',
  administrative: 'administrative',
  record: 'record',
};
/** Removing a deleted code is administrative; listing one again is not: the one unmirrored pair. */
const mirrorOf = (c: Change): Impact =>
  c.rule === 'deleted-code-removed'
    ? 'substantive'
    : c.rule === 'deleted-code-listed'
      ? 'administrative'
      : mirrorImpact[c.impact];
const mirrorKind = (kind: string) =>
  kind.endsWith('-added')
    ? kind.replace(/-added$/, '-removed')
    : kind.replace(/-removed$/, '-added');

/** The inverse of a change, as the other direction must report it (prose compared separately). */
const invert = (c: Change) => {
  const { prose: _p, rule: _r, ...rest } = c;
  return canonicalJson({
    ...rest,
    kind: mirrorKind(c.kind),
    before: c.after,
    after: c.before,
    impact: mirrorOf(c),
    ...(c.kind === 'source-replaced' ? { subject: `source:${c.line}:${c.after.kind}` } : {}),
  });
};
const plain = (c: Change) => {
  const { prose: _p, rule: _r, ...rest } = c;
  return canonicalJson(rest);
};

describe('diffRevisions, properties', () => {
  it('the generator reaches every classification rule', () => {
    const seen = new Set<string>();
    for (const [a, b] of fc.sample(fc.tuple(revision, revision), { numRuns: 500, seed: 7 }))
      for (const c of diffWith(a, b).forward.changes) seen.add(c.rule);
    expect([...Object.keys(rules)].filter((r) => !seen.has(r))).toEqual([]);
  });

  it('a revision diffed with itself has no changes', () => {
    fc.assert(fc.property(revision, (r) => diffRevisions(r, r).changes.length === 0));
  });

  it('b→a holds exactly the inverses of a→b, with mirrored impact', () => {
    fc.assert(
      fc.property(revision, revision, (a, b) => {
        const d = diffWith(a, b);
        const forward = d.forward.changes.map(invert).sort();
        const backward = d.backward.changes.map(plain).sort();
        expect(backward).toEqual(forward);
      }),
    );
  });

  it('every word diff rebuilds both texts, in both directions', () => {
    fc.assert(
      fc.property(revision, revision, (a, b) => {
        const d = diffWith(a, b);
        for (const c of [...d.forward.changes, ...d.backward.changes]) {
          if (!c.prose) continue;
          // Prose is the summary itself, or the changed field of the thing (`what` when unnamed).
          const text = (side: unknown) =>
            typeof side === 'string'
              ? side
              : (side as Record<string, string>)['field' in c ? c.field : 'what'];
          expect(proseSide(c.prose, 'before')).toBe(text(c.before));
          expect(proseSide(c.prose, 'after')).toBe(text(c.after));
        }
      }),
    );
  });

  it('reports an impact consistent with its changes', () => {
    fc.assert(
      fc.property(revision, revision, (a, b) => {
        const d = diffWith(a, b).forward;
        const total = Object.values(d.counts).reduce((x, y) => x + y, 0);
        expect(total).toBe(d.changes.length);
        if (d.counts['restricts-coverage'] > 0) expect(d.impact).toBe('restricts-coverage');
        else if (d.counts.substantive > 0) expect(d.impact).toBe('substantive');
        else if (d.counts['expands-coverage'] > 0) expect(d.impact).toBe('expands-coverage');
        else if (d.counts.administrative > 0) expect(d.impact).toBe('administrative');
      }),
    );
  });
});
