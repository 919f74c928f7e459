import { CriteriaError } from '@criteria/errors';
import { type Determination, evaluate, safeEvaluate } from '@criteria/evaluator';
import { DeterminationSchema } from '@criteria/evaluator/schemas';
import { imrt } from '@criteria/policy-imrt';
import { contentHash } from '@criteria/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const valid = {
  policy: 'imrt',
  lineOfBusiness: 'non-medicare',
  dateOfService: '2021-09-01',
  requestDate: '2021-08-20',
  procedureCodes: ['77385', '77301'],
  indication: 'pancreatic-cancer',
  diagnoses: ['C25.0'],
  documentation: [
    { kind: 'clinical-notes', specialty: 'oncology', date: '2021-06-01' },
    { kind: 'clinical-notes', specialty: 'radiation-oncology', date: '2021-02-19' },
  ],
  member: { id: 'M-123456', name: 'Jane Q. Member', dateOfBirth: '1960-01-01' },
};

describe('evaluate', () => {
  it('produces a determination that validates against its own schema', () => {
    const d = evaluate(imrt, valid);
    expect(DeterminationSchema.parse(d)).toEqual(d);
    expect(d.schemaVersion).toBe(2);
    expect(d.asOf).toBe('2021-08-20');
  });

  it('never copies member data into the determination', () => {
    const text = JSON.stringify(evaluate(imrt, valid));
    for (const secret of ['M-123456', 'Jane', '1960-01-01']) expect(text).not.toContain(secret);
  });

  it('lists every field issue of an invalid request, with path, value (when asked) and expectation', () => {
    const bad = {
      ...valid,
      lineOfBusiness: 'medicaid',
      dateOfService: '2021-02-30',
      procedureCodes: ['7738'],
      extra: 1,
    };
    const r = safeEvaluate(imrt, bad, { reportInput: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.message)).toEqual([
      'lineOfBusiness: `medicaid` is not one of `medicare`, `non-medicare`',
      'dateOfService: `2021-02-30` is not a calendar date YYYY-MM-DD',
      'procedureCodes.0: `7738` is not a CPT code (5 digits) or HCPCS code (a letter and 4 digits)',
      'extra: is not a known field',
    ]);
    expect(() => evaluate(imrt, bad)).toThrowError(CriteriaError);
  });

  it('refuses a request for another policy and one with neither indication nor diagnoses', () => {
    const other = safeEvaluate(imrt, { ...valid, policy: 'proton' }, { reportInput: true });
    expect(!other.ok && other.issues[0]?.message).toBe(
      'policy: `proton` is not the policy being evaluated (`imrt`)',
    );
    const { indication: _i, diagnoses: _d, ...neither } = valid;
    const none = safeEvaluate(imrt, neither);
    expect(!none.ok && none.issues[0]?.path).toBe('indication');
  });

  it('uses a content provider to locate licensed criteria', () => {
    const d = evaluate(
      imrt,
      { ...valid, dateOfService: '2023-07-01', requestDate: undefined },
      { contentProvider: { locate: (ref) => (ref.licensed ? `mcg://${ref.key}` : null) } },
    );
    expect(d.criteria).toEqual([
      {
        kind: 'mcg-guideline',
        id: 'KP-0455',
        title: 'Intensity Modulated Radiation Therapy (IMRT)',
        status: 'active',
        applied: true,
        edition: '2023-06-01',
        content: {
          ref: 'mcg:KP-0455@2023-06-01',
          licensed: true,
          location: 'mcg://KP-0455@2023-06-01',
        },
      },
    ]);
  });
});

describe('robustness (properties)', { timeout: 120_000 }, () => {
  it('never throws on 10,000 arbitrary JSON values: it returns issues', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = safeEvaluate(imrt, v);
        expect(r.ok).toBe(false);
        if (!r.ok) for (const i of r.issues) expect(typeof i.message).toBe('string');
      }),
    );
  });

  const field = fc.constantFrom(
    ...Object.keys(valid),
    'asOf',
    'technique',
    'mediastinalInvolvement',
    'documentation.0.date',
    'procedureCodes.0',
  );
  const mutate = (base: Record<string, unknown>, path: string, value: unknown, remove: boolean) => {
    const copy = structuredClone(base) as Record<string, unknown>;
    const keys = path.split('.');
    let here: Record<string, unknown> = copy;
    for (const k of keys.slice(0, -1)) here = here[k] as Record<string, unknown>;
    const last = keys.at(-1) as string;
    if (remove) delete here[last];
    else here[last] = value;
    return copy;
  };
  const plausible = fc.oneof(
    fc.jsonValue(),
    fc.constantFrom(
      '2021-02-29',
      '2024-02-29',
      '2015-10-31',
      '2023-06-01',
      'apbi',
      'medicare',
      'C50.911',
      'G6015',
      '77418',
      true,
      [],
      {},
    ),
  );

  it('mutated valid requests give a valid determination or the documented error, nothing else (10,000 runs)', () => {
    fc.assert(
      fc.property(field, plausible, fc.boolean(), (path, value, remove) => {
        const input = mutate(valid, path, value, remove);
        let d: Determination | undefined;
        try {
          d = evaluate(imrt, input);
        } catch (e) {
          expect(e).toBeInstanceOf(CriteriaError);
          expect((e as CriteriaError).code).toBe('invalid_request');
          expect((e as CriteriaError).issues.length).toBeGreaterThan(0);
          return;
        }
        expect(DeterminationSchema.safeParse(d).success).toBe(true);
      }),
    );
  });

  it('is deterministic: the same input gives the same output and hash', () => {
    fc.assert(
      fc.property(field, plausible, (path, value) => {
        const input = mutate(valid, path, value, false);
        const a = safeEvaluate(imrt, input);
        const b = safeEvaluate(imrt, structuredClone(input));
        expect(b).toEqual(a);
        expect(contentHash(b)).toBe(contentHash(a));
      }),
    );
  });
});
