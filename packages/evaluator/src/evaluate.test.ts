/**
 * How the evaluator decides, against the fictional fixture policy (the engine knows no
 * real policy, so neither do its own tests). IMRT's determinations are tested in test/evaluator.
 */
import { CriteriaError } from '@criteria/errors';
import { fixturePolicyWith, fixturePolicy as widget } from '@criteria/fixture-policy';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeterminationSchema } from './determination.js';
import { evaluate, safeEvaluate } from './evaluate.js';

/** A non-Medicare request for condition beta, after the fixture's last revision takes effect. */
const request = (over: Record<string, unknown> = {}) => ({
  policy: 'widget',
  lineOfBusiness: 'non-medicare',
  dateOfService: '2022-10-01',
  procedureCodes: ['10002'],
  indication: 'condition-beta',
  documentation: [
    { kind: 'clinical-notes', specialty: 'specialty-a', date: '2022-06-01' },
    { kind: 'clinical-notes', specialty: 'specialty-b', date: '2022-09-01' },
  ],
  ...over,
});

describe('evaluate: revision and route', () => {
  it.each([
    ['a named indication for review against the criteria', {}, 'criteria-review', '2022-03-02'],
    [
      'a named indication for medical director review',
      { indication: 'condition-gamma' },
      'medical-director-review',
      '2022-03-02',
    ],
    [
      'an indication moved to medical director review, once the move takes effect',
      { indication: 'condition-alpha' },
      'medical-director-review',
      '2022-03-02',
    ],
    [
      'the same indication the day before (the earlier revision governs)',
      { indication: 'condition-alpha', dateOfService: '2022-07-31' },
      'criteria-review',
      '2021-05-01',
    ],
    [
      'an indication only a later revision names',
      { dateOfService: '2022-07-31' },
      'medical-director-review',
      '2021-05-01',
    ],
    [
      'an indication the policy never names (the criteria decide)',
      { indication: 'condition-omega' },
      'criteria-review',
      '2022-03-02',
    ],
    [
      'Medicare, before its members follow the indication rules',
      { lineOfBusiness: 'medicare', indication: 'condition-gamma', dateOfService: '2022-07-31' },
      'criteria-review',
      '2021-05-01',
    ],
    [
      'Medicare, once they do',
      { lineOfBusiness: 'medicare', indication: 'condition-gamma' },
      'medical-director-review',
      '2022-03-02',
    ],
    [
      'the day both early revisions take effect: the later-approved one governs',
      { indication: 'condition-alpha', dateOfService: '2020-03-01' },
      'criteria-review',
      '2020-02-04',
    ],
    [
      'before the first revision takes effect',
      { dateOfService: '2020-02-29' },
      'no-criteria-in-effect',
      null,
    ],
    [
      'no requested code is in scope',
      { procedureCodes: ['99999'] },
      'not-applicable',
      '2022-03-02',
    ],
    [
      'a deleted code, removed from scope',
      { procedureCodes: ['10003'], dateOfService: '2020-03-01' },
      'not-applicable',
      '2020-02-04',
    ],
  ])('%s', (_, over, route, revision) => {
    const d = evaluate(widget, request(over));
    expect(d.route).toBe(route);
    expect(d.revision?.id ?? null).toBe(revision);
  });

  it('names the governing revision with its dates and content hash', () => {
    const d = evaluate(widget, request());
    const last = widget.revisions.at(-1);
    expect(d.revision).toEqual({
      id: last?.id,
      approvedOn: last?.approvedOn,
      effectiveOn: last?.effectiveOn,
      sha256: last?.sha256,
    });
    expect(d.readings).toEqual({ edition: '2022-06-01', sha256: widget.readings[0]?.sha256 });
    expect(d.codes).toEqual({ inScope: ['10002'], outOfScope: [], deleted: [] });
    expect(evaluate(widget, request({ procedureCodes: ['10002', '99999'] })).codes).toEqual({
      inScope: ['10002'],
      outOfScope: ['99999'],
      deleted: [],
    });
  });

  it('applies only revisions approved by `asOf`', () => {
    const d = evaluate(widget, request({ asOf: '2022-03-01' }));
    expect(d.asOf).toBe('2022-03-01');
    expect(d.revision?.id).toBe('2021-05-01');
    expect(d.indication).toMatchObject({
      id: 'condition-beta',
      named: false,
      namedIn: null,
      route: 'medical-director-review',
      reading: 'condition-beta-before-2022-03-02',
    });
  });
});

describe('evaluate: diagnoses', () => {
  it('maps a diagnosis to an indication through the policy table', () => {
    const d = evaluate(widget, request({ indication: undefined, diagnoses: ['Z99.89'] }));
    expect(d.route).toBe('criteria-review');
    expect(d.indication).toMatchObject({
      id: 'condition-beta',
      named: true,
      namedIn: '2022-03-02',
      route: 'criteria-review',
      from: 'diagnosis',
      fromDiagnoses: [{ code: 'Z99.89', indication: 'condition-beta' }],
      conflict: null,
    });
  });

  it('a diagnosis the table does not map leaves the indication to the criteria', () => {
    const d = evaluate(widget, request({ indication: undefined, diagnoses: ['C34.90'] }));
    expect(d.route).toBe('criteria-review');
    expect(d.indication).toBeNull();
    expect(d.indications).toEqual([
      {
        id: null,
        named: false,
        namedIn: null,
        label: null,
        route: 'criteria-review',
        reading: 'others-criteria-review',
      },
    ]);
    expect(d.flags.map((f) => [f.flag, f.subject])).toEqual([['unmapped-diagnosis', 'C34.90']]);
    expect(d.trace.map((t) => t.rule)).toContain('indication.unmapped');
  });

  it('reports a stated indication the diagnoses disagree with', () => {
    const d = evaluate(widget, request({ indication: 'condition-gamma', diagnoses: ['Z99.1'] }));
    expect(d.indication?.id).toBe('condition-gamma');
    expect(d.indication?.conflict).toEqual(expect.stringContaining('condition-beta'));
  });
});

describe('evaluate: documentation and criteria', () => {
  it('is complete when every required note falls in the look-back window', () => {
    const d = evaluate(widget, request());
    expect(d.documentation).toEqual({
      complete: true,
      window: { from: '2022-04-01', through: '2022-10-01' },
      required: ['notes-a', 'notes-b'],
      missing: [],
      ignored: [],
    });
  });

  it('names what is missing: a note too old, or from another specialty', () => {
    const d = evaluate(
      widget,
      request({
        documentation: [
          { kind: 'clinical-notes', specialty: 'specialty-a', date: '2022-03-31' },
          { kind: 'clinical-notes', specialty: 'specialty-c', date: '2022-09-01' },
        ],
      }),
    );
    expect(d.documentation).toMatchObject({
      complete: false,
      missing: ['notes-a', 'notes-b'],
      ignored: [
        { index: 0, why: 'dated before the window (2022-04-01 to 2022-10-01)' },
        {
          index: 1,
          why: 'specialty `specialty-c` is not one this policy reads (specialty-a, specialty-b)',
        },
      ],
    });
    expect(
      evaluate(widget, request({ documentation: [], requestDate: '2022-09-15' })).documentation,
    ).toEqual({
      complete: false,
      window: { from: '2022-03-15', through: '2022-09-15' },
      required: ['notes-a', 'notes-b'],
      missing: ['notes-a', 'notes-b'],
      ignored: [],
    });
  });

  it("lists the line's criteria sources with their status; a retired one still applied", () => {
    const medicare = evaluate(widget, request({ lineOfBusiness: 'medicare' }));
    expect(medicare.criteria.map((c) => [c.id, c.status, c.retiredOn ?? null, c.applied])).toEqual([
      ['L00001', 'active', null, true],
      ['A00002', 'retired', '2022-03-01', true],
    ]);
    const commercial = evaluate(widget, request(), {
      contentProvider: { locate: (ref) => (ref.licensed ? `guide://${ref.key}` : null) },
    });
    expect(commercial.criteria.map((c) => [c.id, c.edition ?? null, c.content])).toEqual([
      ['plan-widget', null, { ref: 'plan:widget', licensed: false, location: null }],
      [
        'G-0001',
        '2022-01-01',
        { ref: 'guide:G-0001@2022-01-01', licensed: true, location: 'guide://G-0001@2022-01-01' },
      ],
    ]);
  });
});

describe('evaluate: invalid requests', () => {
  it('lists every field issue, with path, value (when asked) and expectation; evaluate throws them', () => {
    const bad = request({
      lineOfBusiness: 'medicaid',
      dateOfService: '2022-02-30',
      procedureCodes: ['1000'],
      extra: 1,
    });
    const r = safeEvaluate(widget, bad, { reportInput: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.message)).toEqual([
      'lineOfBusiness: `medicaid` is not one of `medicare`, `non-medicare`',
      'dateOfService: `2022-02-30` is not a calendar date YYYY-MM-DD',
      'procedureCodes.0: `1000` is not a CPT code (5 digits) or HCPCS code (a letter and 4 digits)',
      'extra: is not a known field',
    ]);
    expect(() => evaluate(widget, bad)).toThrowError(CriteriaError);
  });

  it('refuses another policy, a request with neither indication nor diagnoses, an unknown forced revision', () => {
    const other = safeEvaluate(widget, request({ policy: 'gadget' }), { reportInput: true });
    expect(!other.ok && other.issues[0]?.message).toBe(
      'policy: `gadget` is not the policy being evaluated (`widget`)',
    );
    const neither = safeEvaluate(widget, request({ indication: undefined }));
    expect(!neither.ok && neither.issues[0]?.path).toBe('indication');
    const forced = safeEvaluate(widget, request(), { revision: '2099-01-01' });
    expect(!forced.ok && forced.issues[0]?.path).toBe('options.revision');
  });

  it('never throws on arbitrary JSON: it returns issues', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = safeEvaluate(widget, v);
        expect(r.ok).toBe(false);
        if (!r.ok) for (const i of r.issues) expect(typeof i.message).toBe('string');
      }),
    );
  });
});

describe('evaluate: the determination', () => {
  it('validates against its own schema and carries no member data', () => {
    const d = evaluate(
      widget,
      request({ member: { id: 'M-000042', name: 'Pat Example', dateOfBirth: '1970-02-03' } }),
    );
    expect(DeterminationSchema.parse(d)).toEqual(d);
    const text = JSON.stringify(d);
    for (const secret of ['M-000042', 'Pat Example', '1970-02-03'])
      expect(text).not.toContain(secret);
  });

  it('a forced revision replaces the one the dates select, and says so', () => {
    const d = evaluate(widget, request({ indication: 'condition-alpha' }), {
      revision: '2021-05-01',
    });
    expect(d.revision?.id).toBe('2021-05-01');
    expect(d.route).toBe('criteria-review');
    expect(d.trace.map((t) => t.rule)).toContain('revision.forced');
  });

  it('decides from the policy data alone: a variant policy decides differently', () => {
    // Routes are readings: a variant edition that reads gamma for criteria review decides so.
    const gammaForCriteria = fixturePolicyWith((p) => {
      for (const e of p.readings ?? [])
        for (const r of e.readings)
          if (r.decides.kind === 'indication-route' && r.decides.indication === 'condition-gamma')
            r.decides.route = 'criteria-review';
    });
    const over = { indication: 'condition-gamma' };
    expect(evaluate(widget, request(over)).route).toBe('medical-director-review');
    expect(evaluate(gammaForCriteria, request(over)).route).toBe('criteria-review');
  });
});
