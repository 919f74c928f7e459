import { describe, expect, it } from 'vitest';
import { lintTiny, of } from '../../test/tiny-policy.js';

describe('schema', () => {
  it('keeps: the tiny policy validates', () => {
    expect(of(lintTiny(), 'schema')).toEqual([]);
  });

  it('breaks: a field of the wrong type, named with its value', () => {
    const report = lintTiny((p) => {
      p.revisions[1].effectiveOnBasis = 'guessed';
    });
    expect(of(report, 'schema')).toEqual([
      {
        rule: 'schema',
        severity: 'error',
        policy: 'tiny',
        revision: '2024-03-01',
        field: 'effectiveOnBasis',
        path: 'revisions.1.effectiveOnBasis',
        message:
          'tiny revision 2024-03-01, effectiveOnBasis: `guessed` is not one of `stated`, `assumed`, `reading`',
        fix: expect.stringContaining('Give the field named in the message'),
      },
    ]);
  });

  it('reports input that is not a policy at all, without throwing', () => {
    const report = lintTiny(() => {}, { target: { input: 42, name: 'broken' } });
    expect(report.policy).toBe('broken');
    expect(of(report, 'schema').map((f) => f.message)).toEqual(['broken: `42` is not an object']);
  });

  it('leaves to the dedicated rule what it reports better (one problem, one finding)', () => {
    const report = lintTiny((p) => {
      p.revisions[1].id = '2024-03-02';
      p.diagnosisMap.rows[0].prefix = 'c34';
    });
    expect(of(report, 'schema')).toEqual([]);
    expect(of(report, 'revision-id-equals-approval')).toHaveLength(1);
    expect(of(report, 'icd10-well-formed')).toHaveLength(1);
  });

  it('a module that cannot be loaded is one schema finding', () => {
    const report = lintTiny(() => {}, {
      target: { input: undefined, name: 'broken', loadError: 'Unexpected token' },
    });
    expect(report.findings.map((f) => [f.rule, f.message])).toEqual([
      ['schema', 'broken: the policy module cannot be loaded: Unexpected token'],
    ]);
  });
});
