import { CriteriaError } from '@criteria/errors';
import { evaluate, safeEvaluate, safeEvaluateIn } from '@criteria/evaluator';
import { imrt } from '@criteria/policy-imrt';
import { describe, expect, it } from 'vitest';

// Medicare requests: the route does not depend on the indication, so these stay about input.
const valid = {
  policy: 'imrt',
  lineOfBusiness: 'medicare',
  dateOfService: '2021-09-01',
  procedureCodes: ['77385'],
  indication: 'lung-cancer',
  documentation: [],
};
const nested = (depth: number, leaf: unknown = 'x'): unknown =>
  JSON.parse(`${'['.repeat(depth)}${JSON.stringify(leaf)}${']'.repeat(depth)}`);
const policies = new Map([[imrt.id, imrt]]);

describe('safeEvaluate on hostile requests (issue 11)', () => {
  it('returns issues, never throws, for a value nested 5,000 deep in any field', () => {
    for (const field of ['procedureCodes', 'requestId', 'indication', 'documentation', 'member']) {
      const r = safeEvaluate(imrt, { ...valid, [field]: nested(5000) }, { reportInput: true });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      for (const issue of r.issues) expect(issue.message.length).toBeLessThan(200);
    }
    const deepObject = JSON.parse(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`);
    expect(() => safeEvaluate(imrt, { ...valid, requestId: deepObject })).not.toThrow();
  });

  it('keeps input values out of issues by default, and member values out always', () => {
    const secret = { ...valid, dateOfService: 'Jane Doe 1960-01-01', member: 'Jane Doe' };
    const quiet = safeEvaluate(imrt, secret);
    expect(quiet.ok).toBe(false);
    if (quiet.ok) return;
    expect(quiet.issues.map((i) => i.message)).toEqual([
      'dateOfService: the string given is not a calendar date YYYY-MM-DD',
      'member: the string given is not a record',
    ]);
    expect(JSON.stringify(quiet.issues)).not.toContain('Jane');
    const loud = safeEvaluate(imrt, secret, { reportInput: true });
    if (loud.ok) throw new Error('expected issues');
    expect(loud.issues.map((i) => i.message)).toEqual([
      'dateOfService: `Jane Doe 1960-01-01` is not a calendar date YYYY-MM-DD',
      'member: the string given is not a record',
    ]);
    expect(loud.issues[1]).not.toHaveProperty('value');
    let thrown: unknown;
    try {
      evaluate(imrt, secret);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CriteriaError);
    expect(JSON.stringify(thrown)).not.toContain('Jane');
  });

  it('deduplicates repeated diagnoses and lists at most ten values in reasons and trace', () => {
    const many = { ...valid, indication: undefined, diagnoses: Array(100_000).fill('C34.90') };
    const d = evaluate(imrt, many);
    expect(d.indication?.fromDiagnoses).toEqual([{ code: 'C34.90', indication: 'lung-cancer' }]);
    expect(JSON.stringify(d).length).toBeLessThan(20_000);
    const unmapped = Array.from({ length: 50 }, (_, i) => `Z${String(i).padStart(2, '0')}.1`);
    const u = evaluate(imrt, { ...valid, indication: undefined, diagnoses: unmapped });
    const reason = u.reasons.find((r) => r.rule === 'indication.unmapped')?.text ?? '';
    expect(reason).toContain('Z00.1, Z01.1');
    expect(reason).toContain('Z09.1 and 40 more');
    expect(reason).not.toContain('Z10.1');
  });
});

describe('safeEvaluateIn: one message for a request that is not an object (issue 11)', () => {
  it('says `input: ... is not an object` as safeEvaluate does', () => {
    for (const input of [[], 42, null, 'x']) {
      const any = safeEvaluateIn(policies, input, { reportInput: true });
      const one = safeEvaluate(imrt, input, { reportInput: true });
      expect(any).toEqual(one);
      if (any.ok) throw new Error('expected issues');
      expect(any.issues).toHaveLength(1);
      expect(any.issues[0]?.message).toMatch(/^input: `.*` is not an object$/);
    }
  });

  it('lists every other field error when the policy is wrong', () => {
    const r = safeEvaluateIn(
      policies,
      { ...valid, policy: 'proton', dateOfService: '2021-02-30', lineOfBusiness: 'x' },
      { reportInput: true },
    );
    if (r.ok) throw new Error('expected issues');
    expect(r.issues.map((i) => i.path)).toEqual(['policy', 'lineOfBusiness', 'dateOfService']);
    expect(r.issues[0]?.message).toBe('policy: `proton` is not a known policy (known: imrt)');
  });

  it('evaluates a request naming a known policy', () => {
    const r = safeEvaluateIn(policies, valid);
    expect(r.ok && r.value.route).toBe('criteria-review');
  });
});
