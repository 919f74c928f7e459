import { describe, expect, it } from 'vitest';
import { lintFixture, of } from '../../test/fixture.js';

describe('schema', () => {
  it('keeps: the fixture policy validates', () => {
    expect(of(lintFixture(), 'schema')).toEqual([]);
  });

  it('breaks: a field of the wrong type, named with its value', () => {
    const report = lintFixture((p) => {
      p.revisions[3].effectiveOnBasis = 'guessed';
    });
    expect(of(report, 'schema')).toEqual([
      {
        rule: 'schema',
        severity: 'error',
        policy: 'widget',
        revision: '2022-03-02',
        field: 'effectiveOnBasis',
        path: 'revisions.3.effectiveOnBasis',
        message:
          'widget revision 2022-03-02, effectiveOnBasis: `guessed` is not one of `stated`, `assumed`, `reading`',
        fix: expect.stringContaining('Give the field named in the message'),
      },
    ]);
  });

  it('reports input that is not a policy at all, without throwing', () => {
    const report = lintFixture(() => {}, { target: { input: 42, name: 'broken' } });
    expect(report.policy).toBe('broken');
    expect(of(report, 'schema').map((f) => f.message)).toEqual(['broken: `42` is not an object']);
  });

  it('leaves to the dedicated rule what it reports better (one problem, one finding)', () => {
    const report = lintFixture((p) => {
      p.revisions[3].id = '2022-03-03';
      p.readings[0].diagnosisMap.rows[0].prefix = 'z99';
    });
    expect(of(report, 'schema')).toEqual([]);
    expect(of(report, 'revision-id-equals-approval')).toHaveLength(1);
    expect(of(report, 'icd10-well-formed')).toHaveLength(1);
  });

  it('a module that cannot be loaded is one schema finding', () => {
    const report = lintFixture(() => {}, {
      target: { input: undefined, name: 'broken', loadError: 'Unexpected token' },
    });
    expect(report.findings.map((f) => [f.rule, f.message])).toEqual([
      ['schema', 'broken: the policy module cannot be loaded: Unexpected token'],
    ]);
  });
});
