import { evaluate, safeEvaluate } from '@criteria/evaluator';
import { imrt } from '@criteria/policy-imrt';
import { describe, expect, it } from 'vitest';

const apbi = {
  policy: 'imrt',
  lineOfBusiness: 'non-medicare',
  dateOfService: '2022-03-01',
  procedureCodes: ['77385'],
  indication: 'breast-cancer-apbi',
  documentation: [],
};

describe('options.revision (impact analysis)', () => {
  it('applies the forced revision instead of the one the dates select', () => {
    const selected = evaluate(imrt, apbi);
    expect(selected.revision?.id).toBe('2021-03-02');
    expect(selected.route).toBe('medical-director-review');
    const forced = evaluate(imrt, apbi, { revision: '2023-01-10' });
    expect(forced.revision?.id).toBe('2023-01-10');
    expect(forced.route).toBe('criteria-review');
    expect(forced.dateOfService).toBe('2022-03-01');
    expect(forced.trace.map((t) => t.rule)).toContain('revision.forced');
  });

  it('forces a revision even before any takes effect, and keeps the date for the rest', () => {
    const d = evaluate(imrt, { ...apbi, dateOfService: '2014-01-01' }, { revision: '2021-03-02' });
    expect(d.route).toBe('medical-director-review');
    expect(d.documentation.window).toEqual({ from: '2013-07-01', through: '2014-01-01' });
  });

  it('gives the same determination as selection when it forces the selected revision, apart from the reason', () => {
    const a = evaluate(imrt, apbi);
    const b = evaluate(imrt, apbi, { revision: '2021-03-02' });
    const strip = (d: typeof a) => ({ ...d, reasons: d.reasons.slice(1), trace: d.trace.slice(2) });
    expect(strip(b)).toEqual(strip(a));
  });

  it('names an unknown revision as an issue, never throws from safeEvaluate', () => {
    const r = safeEvaluate(imrt, apbi, { revision: '2099-01-01' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.path).toBe('options.revision');
  });
});
