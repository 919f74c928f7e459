/**
 * The evaluator on hostile requests (issue 11), against the fictional fixture policy:
 * deep values, member data, non-objects, repeated values. Issues, never exceptions.
 */
import { CriteriaError } from '@criteria/errors';
import { fixturePolicy as widget } from '@criteria/fixture-policy';
import { describe, expect, it } from 'vitest';
import { evaluate, safeEvaluate, safeEvaluateIn } from './evaluate.js';

const valid = {
  policy: 'widget',
  lineOfBusiness: 'medicare',
  dateOfService: '2022-10-01',
  procedureCodes: ['10002'],
  indication: 'condition-beta',
  documentation: [],
};
const nested = (depth: number, leaf: unknown = 'x'): unknown =>
  JSON.parse(`${'['.repeat(depth)}${JSON.stringify(leaf)}${']'.repeat(depth)}`);
const policies = new Map([[widget.id, widget]]);

describe('safeEvaluate on hostile requests (issue 11)', () => {
  it('returns issues, never throws, for a value nested 5,000 deep in any field', () => {
    for (const field of ['procedureCodes', 'requestId', 'indication', 'documentation', 'member']) {
      const r = safeEvaluate(widget, { ...valid, [field]: nested(5000) }, { reportInput: true });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      for (const issue of r.issues) expect(issue.message.length).toBeLessThan(200);
    }
    const deepObject = JSON.parse(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`);
    expect(() => safeEvaluate(widget, { ...valid, requestId: deepObject })).not.toThrow();
  });

  it('keeps input values out of issues by default, and member values out always', () => {
    const secret = { ...valid, dateOfService: 'Jane Doe 1960-01-01', member: 'Jane Doe' };
    const quiet = safeEvaluate(widget, secret);
    expect(quiet.ok).toBe(false);
    if (quiet.ok) return;
    expect(quiet.issues.map((i) => i.message)).toEqual([
      'dateOfService: the string given is not a calendar date YYYY-MM-DD',
      'member: the string given is not a record',
    ]);
    expect(JSON.stringify(quiet.issues)).not.toContain('Jane');
    const loud = safeEvaluate(widget, secret, { reportInput: true });
    if (loud.ok) throw new Error('expected issues');
    expect(loud.issues.map((i) => i.message)).toEqual([
      'dateOfService: `Jane Doe 1960-01-01` is not a calendar date YYYY-MM-DD',
      'member: the string given is not a record',
    ]);
    expect(loud.issues[1]).not.toHaveProperty('value');
    let thrown: unknown;
    try {
      evaluate(widget, secret);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CriteriaError);
    expect(JSON.stringify(thrown)).not.toContain('Jane');
  });

  it('deduplicates repeated diagnoses and lists at most ten values in reasons and trace', () => {
    const many = { ...valid, indication: undefined, diagnoses: Array(100_000).fill('Z99.1') };
    const d = evaluate(widget, many);
    expect(d.indication?.fromDiagnoses).toEqual([{ code: 'Z99.1', indication: 'condition-beta' }]);
    expect(JSON.stringify(d).length).toBeLessThan(20_000);
    const unmapped = Array.from({ length: 50 }, (_, i) => `A${String(i).padStart(2, '0')}.1`);
    const u = evaluate(widget, { ...valid, indication: undefined, diagnoses: unmapped });
    const reason = u.reasons.find((r) => r.rule === 'indication.unmapped')?.text ?? '';
    expect(reason).toContain('A00.1, A01.1');
    expect(reason).toContain('A09.1 and 40 more');
    expect(reason).not.toContain('A10.1');
  });
});

describe('safeEvaluateIn: one message for a request that is not an object (issue 11)', () => {
  it('says `input: ... is not an object` as safeEvaluate does', () => {
    for (const input of [[], 42, null, 'x']) {
      const any = safeEvaluateIn(policies, input, { reportInput: true });
      const one = safeEvaluate(widget, input, { reportInput: true });
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
    expect(r.issues[0]?.message).toBe('policy: `proton` is not a known policy (known: widget)');
  });

  it('evaluates a request naming a known policy', () => {
    const r = safeEvaluateIn(policies, valid);
    expect(r.ok && r.value.policy).toBe('widget');
  });
});
