import { readFileSync } from 'node:fs';
import { addDays } from '@criteria/calendar';
import { evaluate } from '@criteria/evaluator';
import { readingConflicts } from '@criteria/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { imrt } from './index.js';

const numRuns = Number(process.env.FC_NUM_RUNS ?? 100);
const lock = JSON.parse(
  readFileSync(new URL('../readings.lock.json', import.meta.url), 'utf8'),
) as {
  editions: Record<string, string>;
};
const latest = imrt.readings.at(-1);

describe('readings editions', () => {
  it('every edition is locked by its sha256, and the lock names only editions that exist', () => {
    expect(imrt.readings.length).toBeGreaterThan(0);
    for (const e of imrt.readings)
      expect({ [e.edition]: e.sha256 }).toEqual({ [e.edition]: lock.editions[e.edition] });
    expect(Object.keys(lock.editions).sort()).toEqual(imrt.readings.map((e) => e.edition).sort());
  });

  it('no two readings decide the same thing for a revision', () => {
    for (const e of imrt.readings) expect(readingConflicts(e.readings, imrt.revisions)).toEqual([]);
  });

  it('derives the medical director readings from "new indication" and "additional indications"', () => {
    const derived = latest?.readings.filter((r) => r.derivedFrom) ?? [];
    expect(derived.map((r) => r.id)).toEqual([
      'esophageal-cancer-before-2017-12-05',
      'cholangiocarcinoma-before-2021-03-02',
      'gallbladder-carcinoma-before-2021-03-02',
      'gastric-cancer-before-2021-03-02',
      'hepatocellular-carcinoma-before-2021-03-02',
      'liver-metastases-before-2021-03-02',
      'lymphoma-mediastinal-before-2021-03-02',
      'pancreatic-cancer-before-2021-03-02',
    ]);
    const esophageal = derived[0];
    expect(esophageal?.appliesTo).toEqual(['2015-07-07', '2015-09-08', '2016-03-01', '2016-11-01']);
    expect(esophageal?.basis.cites[0]).toEqual({ line: 148, quote: 'new indication' });
    // Breast cancer is named by the 2021 row too, but "still" (a hand-written reading) decides it.
    expect(derived.some((r) => r.id.startsWith('breast-cancer'))).toBe(false);
  });

  it('every reading names what it decides, its basis and the revisions it applies to', () => {
    for (const r of latest?.readings ?? []) {
      expect(r.appliesTo.length).toBeGreaterThan(0);
      expect(r.basis.reason.length).toBeGreaterThan(10);
    }
    for (const row of latest?.diagnosisMap.rows ?? [])
      expect(row.basis.reason.length).toBeGreaterThan(5);
  });
});

const INDICATIONS = [
  'lung-cancer',
  'esophageal-cancer',
  'pancreatic-cancer',
  'lymphoma-mediastinal',
  'breast-cancer',
  'breast-cancer-apbi',
  'prostate-cancer',
];
const DIAGNOSES = ['C34.90', 'C25.9', 'C50.911', 'D05.11', 'C78.7', 'C83.32', 'C71.9', 'C7B.02'];
const day = fc.integer({ min: 0, max: 365 * 11 }).map((n) => addDays('2014-01-01', n));

describe('no hindsight', () => {
  it('two asOf values that select the same revision give the same route, criteria, indication and documentation', () => {
    const request = fc.record({
      lineOfBusiness: fc.constantFrom('medicare', 'non-medicare'),
      dateOfService: day,
      requestDate: day,
      procedureCodes: fc.constantFrom(['77385'], ['77418'], ['99213'], ['77301', 'G6015']),
      pick: fc.oneof(
        fc.record({ indication: fc.constantFrom(...INDICATIONS) }),
        fc.record({ diagnoses: fc.subarray(DIAGNOSES, { minLength: 1, maxLength: 3 }) }),
      ),
      technique: fc.constantFrom(undefined, 'apbi', 'other', 'unknown'),
      documentation: fc.array(
        fc.record({
          kind: fc.constantFrom('clinical-notes', 'clinical-note'),
          specialty: fc.constantFrom('oncology', 'radiation-oncology'),
          date: day,
        }),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(request, day, day, (r, a, b) => {
        const { pick, technique, ...rest } = r;
        if (
          'indication' in pick &&
          pick.indication === 'breast-cancer-apbi' &&
          technique &&
          technique !== 'apbi'
        )
          return;
        const base = { policy: 'imrt', ...rest, ...pick, ...(technique ? { technique } : {}) };
        const x = evaluate(imrt, { ...base, asOf: a });
        const y = evaluate(imrt, { ...base, asOf: b });
        if (x.revision?.id !== y.revision?.id) return;
        expect(y.route).toBe(x.route);
        expect(y.criteria).toEqual(x.criteria);
        expect(y.indication).toEqual(x.indication);
        expect(y.indications).toEqual(x.indications);
        expect(y.flags).toEqual(x.flags);
        expect(y.documentation).toEqual(x.documentation);
        expect(y.readings).toEqual(x.readings);
      }),
      { numRuns },
    );
  });

  it("the issue's example: pancreatic cancer on 2021-05-01 decided 2021-02-01 or 2021-04-01 takes one route", () => {
    const req = {
      policy: 'imrt',
      lineOfBusiness: 'non-medicare',
      dateOfService: '2021-05-01',
      procedureCodes: ['77385'],
      indication: 'pancreatic-cancer',
    };
    const early = evaluate(imrt, { ...req, requestDate: '2021-02-01' });
    const late = evaluate(imrt, { ...req, requestDate: '2021-04-01' });
    expect([early.revision?.sha256, early.route]).toEqual([late.revision?.sha256, late.route]);
    expect(early.route).toBe('medical-director-review');
    expect(early.readings).toEqual({ edition: '2026-11-28', sha256: latest?.sha256 });
  });
});
