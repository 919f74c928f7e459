import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from './content-hash.js';
import { definePolicy, parsePolicy } from './define-policy.js';
import { type PolicyInput, PolicySchema } from './policy.js';

const cite = { cites: [{ line: 1, quote: 'x' }] };
const revision = (id: string, effectiveOn = id) => ({
  id,
  approvedOn: id,
  effectiveOn,
  effectiveOnBasis: 'stated' as const,
  provenance: cite,
  summary: 'a change',
  notice: {
    required: false,
    periodDays: null,
    basis: 'not-stated' as const,
    provenance: { reading: 'no notice is stated here' },
  },
  codes: [{ code: '99999', system: 'CPT' as const, label: 'a code', provenance: cite }],
  criteria: { medicare: { sources: [] }, 'non-medicare': { sources: [] } },
  indications: [],
  documentation: [],
});
const policy = (revisions = [revision('2020-01-01')]): PolicyInput => ({
  id: 'tiny',
  title: 'Tiny',
  plan: 'A plan',
  planProvenance: cite,
  sourceDocument: 'source.txt',
  record: {
    created: '2019-01-01',
    reviewedOn: ['2019-06-01'],
    lastRevised: '2020-01-01',
    reviewIntervalMonths: 12,
    provenance: cite,
  },
  revisions,
});

describe('parsePolicy', () => {
  it('accepts a valid policy and hashes each revision', () => {
    const r = parsePolicy(policy());
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.value.revisions[0]?.sha256).toBe(
        contentHash(PolicySchema.parse(policy()).revisions[0]),
      );
  });

  it('returns field-level issues naming path, value and expectation; never throws', () => {
    const bad = policy([
      {
        ...revision('2020-01-01'),
        effectiveOn: '2020-02-30',
        effectiveOnBasis: 'guessed' as 'stated',
      },
    ]);
    const r = parsePolicy(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.path, i.value])).toEqual([
      ['revisions.0.effectiveOn', '2020-02-30'],
      ['revisions.0.effectiveOnBasis', 'guessed'],
    ]);
    expect(r.issues[1]?.message).toBe(
      'revisions.0.effectiveOnBasis: `guessed` is not one of `stated`, `assumed`, `reading`',
    );
  });

  it('refuses a fact with neither citation nor reading, an id that is not the approval date, duplicate ids', () => {
    const noProvenance = { ...revision('2020-01-01'), provenance: { cites: [] } };
    const wrongId = { ...revision('2020-01-01'), approvedOn: '2020-01-02' };
    const paths = (p: PolicyInput) => {
      const r = parsePolicy(p);
      return r.ok ? [] : r.issues.map((i) => i.path);
    };
    expect(paths(policy([noProvenance]))).toEqual(['revisions.0.provenance']);
    expect(paths(policy([wrongId]))).toEqual(['revisions.0.id']);
    expect(paths(policy([revision('2020-01-01'), revision('2020-01-01')]))).toEqual([
      'revisions.1.id',
    ]);
  });

  it('never throws, whatever it is given (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(parsePolicy(v).ok).toBe(false);
      }),
    );
  });

  it('definePolicy throws invalid_policy and freezes what it returns', () => {
    expect(() => definePolicy({ ...policy(), id: 'Not A Slug' })).toThrowError(
      expect.objectContaining({ code: 'invalid_policy' }),
    );
    const p = definePolicy(policy());
    expect(Object.isFrozen(p.revisions[0]?.codes)).toBe(true);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }], u: undefined })).toBe(
      '{"a":[2,{"c":4,"d":3}],"b":1}',
    );
  });
  it('gives the same hash for the same content in any key order (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (o) => {
        const reversed = Object.fromEntries(Object.entries(o).reverse());
        expect(contentHash(reversed)).toBe(contentHash(o));
      }),
    );
  });
});
