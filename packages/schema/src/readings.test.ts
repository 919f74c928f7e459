import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash.js';
import { parsePolicy } from './define-policy.js';
import { buildReadingsEdition, type ReadingsEditionInput, sliceFor } from './readings.js';

const cite = { cites: [{ line: 1, quote: 'x' }] };
const revision = (id: string, summary: string, named: string[] = []) => ({
  id,
  approvedOn: id,
  effectiveOn: id,
  effectiveOnBasis: 'stated' as const,
  provenance: { cites: [{ line: 5, quote: id }] },
  summary,
  notice: { required: false, periodDays: null, basis: 'not-stated' as const, provenance: cite },
  codes: [{ code: '99999', system: 'CPT' as const, label: 'a code', provenance: cite }],
  criteria: { medicare: { sources: [] }, 'non-medicare': { sources: [] } },
  indications: named.map((n) => ({ id: n, label: n, namedIn: id, provenance: cite })),
  documentation: [],
});
const reason = 'Made up for the readings tests.';
const edition = (over: Partial<ReadingsEditionInput> = {}): ReadingsEditionInput => ({
  policy: 'tiny',
  edition: '2024-01-01',
  readings: [
    {
      id: 'default',
      appliesTo: ['2020-01-01', '2021-01-01'],
      decides: { kind: 'default-route', route: 'criteria-review' },
      statement: 'Everything: criteria review.',
      basis: { cites: [], reason },
    },
  ],
  derive: [{ phrase: 'new widget', route: 'medical-director-review', reason }],
  diagnosisMap: { note: 'none', rows: [] },
  ...over,
});
const policy = (readings: unknown[]) => ({
  id: 'tiny',
  title: 'Tiny',
  plan: 'A plan',
  planProvenance: cite,
  sourceDocument: 'source.txt',
  record: {
    created: '2019-01-01',
    reviewedOn: ['2019-06-01'],
    lastRevised: '2021-01-01',
    reviewIntervalMonths: 12,
    provenance: cite,
  },
  revisions: [revision('2020-01-01', 'first'), revision('2021-01-01', 'a new widget', ['widget'])],
  readings,
});

describe('readings editions', () => {
  it('derives a reading for the revisions before a row with a derive phrase, citing that row', () => {
    const r = parsePolicy(policy([edition()]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const e = r.value.readings[0];
    expect(e?.readings.map((x) => [x.id, x.appliesTo, x.derivedFrom?.revision])).toEqual([
      ['default', ['2020-01-01', '2021-01-01'], undefined],
      ['widget-before-2021-01-01', ['2020-01-01'], '2021-01-01'],
    ]);
    expect(e?.readings[1]?.basis.cites).toEqual([{ line: 5, quote: 'new widget' }]);
    const { sha256, ...body } = e as NonNullable<typeof e>;
    expect(sha256).toBe(contentHash(body));
    expect(sliceFor(e as NonNullable<typeof e>, '2021-01-01').readings.map((x) => x.id)).toEqual([
      'default',
    ]);
  });

  it('refuses an edition where two readings decide the same thing for a revision', () => {
    const twice = edition({
      readings: [
        ...edition().readings,
        {
          id: 'default-again',
          appliesTo: ['2021-01-01'],
          decides: { kind: 'default-route', route: 'medical-director-review' },
          statement: 'Everything: medical director.',
          basis: { cites: [], reason },
        },
      ],
    });
    const r = parsePolicy(policy([twice]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]?.path).toBe('readings.0');
    expect(r.issues[0]?.message).toContain(
      'default and default-again both decide default under 2021-01-01',
    );
  });

  it('refuses a reading of a revision that does not exist', () => {
    expect(() =>
      buildReadingsEdition(
        edition({
          readings: [{ ...edition().readings[0], appliesTo: ['1999-01-01'] } as never],
        }),
        [],
      ),
    ).toThrow(/applies to 1999-01-01, which is not a revision/);
  });
});
