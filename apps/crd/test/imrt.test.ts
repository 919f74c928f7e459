/**
 * IMRT requests written by the project (test/imrt-requests.ts): every route,
 * every line of business (SOPT Medicare, SOPT non-Medicare, unknown), every
 * code system URI, and the ext-billing-options path.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CPT, HCPCS_BLUEBUTTON, HCPCS_CMS, imrtRequest, type OrderSpec } from './imrt-requests.js';
import {
  coverageInfo,
  type Ext,
  expectConformant,
  startTestService,
  sub,
  subs,
  type TestService,
  withoutCoverageInfo,
} from './support.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService({
    coverageClassMap: {
      'KP WA Medicare Advantage': 'medicare',
      'KP WA Individual': 'non-medicare',
    },
    codeCheck: {
      '77014': {
        paNeeded: 'no-auth',
        text: 'Code check: no prior authorization for 77014 (test table).',
      },
    },
  });
}, 180_000);
afterAll(async () => svc?.close());

const LUNG = ['C34.90'];
const BREAST = ['C50.911'];
const MEDICARE = { sopt: '121' };
const NON_MEDICARE = { sopt: '511' };
const UNKNOWN = {};

const only = async (req: ReturnType<typeof imrtRequest>, service = 'imrt-order-sign') => {
  const res = await svc.hook(service, req);
  expect(res.status).toBe(200);
  expectConformant(res.body);
  expect(res.body.systemActions).toHaveLength(1);
  return coverageInfo(res.body.systemActions[0]?.resource ?? {});
};

const reasonText = (e: Ext) =>
  subs(e, 'reason')
    .map((r) => (r as { text: string }).text)
    .join(' ');

interface Case {
  name: string;
  order: OrderSpec;
  coverage: object;
  covered: string;
  paNeeded: string | undefined;
  kind: string;
  reason: RegExp;
}

const cases: Case[] = [
  {
    name: 'non-Medicare lung cancer: criteria review',
    order: { diagnoses: LUNG, date: '2026-12-01' },
    coverage: NON_MEDICARE,
    covered: 'covered',
    paNeeded: 'auth-needed',
    kind: 'criteria-review',
    reason: /criteria review under .*revision 2023-01-10 \(Lung cancer/,
  },
  {
    name: 'non-Medicare breast cancer: medical director review',
    order: { diagnoses: BREAST, date: '2026-12-01' },
    coverage: NON_MEDICARE,
    covered: 'covered',
    paNeeded: 'auth-needed',
    kind: 'medical-director-review',
    reason: /medical director review/,
  },
  {
    name: 'Medicare breast cancer: criteria review (LCD)',
    order: { diagnoses: BREAST, date: '2026-12-01' },
    coverage: MEDICARE,
    covered: 'covered',
    paNeeded: 'auth-needed',
    kind: 'criteria-review',
    reason: /criteria review/,
  },
  {
    name: 'unknown line, lung cancer: both lines agree',
    order: { diagnoses: LUNG, date: '2026-12-01' },
    coverage: UNKNOWN,
    covered: 'covered',
    paNeeded: 'auth-needed',
    kind: 'criteria-review',
    reason: /criteria review/,
  },
  {
    name: 'unknown line, breast cancer: lines differ, conditional',
    order: { diagnoses: BREAST, date: '2026-12-01' },
    coverage: UNKNOWN,
    covered: 'conditional',
    paNeeded: 'auth-needed',
    kind: 'review-route-unresolved',
    reason:
      /line of business is not known.*medicare: criteria review; non-medicare: medical director review/,
  },
  {
    name: 'no diagnosis: conditional, info needed',
    order: { date: '2026-12-01' },
    coverage: NON_MEDICARE,
    covered: 'conditional',
    paNeeded: 'auth-needed',
    kind: 'review-route-unresolved',
    reason: /depends on the diagnosis/,
  },
  {
    name: 'before the first revision: no criteria in effect, indeterminate',
    order: { diagnoses: LUNG, date: '2015-01-15' },
    coverage: NON_MEDICARE,
    covered: 'indeterminate',
    paNeeded: 'indeterminate',
    kind: 'no-criteria-here',
    reason:
      /No clinical review criteria here for 77385 on 2015-01-15 .*Pre-authorization Code Check/,
  },
  {
    name: 'a code outside the policy: not applicable, indeterminate',
    order: { codes: [{ system: CPT, code: '99213' }], diagnoses: LUNG, date: '2026-12-01' },
    coverage: NON_MEDICARE,
    covered: 'indeterminate',
    paNeeded: 'indeterminate',
    kind: 'no-criteria-here',
    reason: /No clinical review criteria here for 99213/,
  },
  {
    name: 'a code outside the policy in the code-check table: its answer',
    order: { codes: [{ system: CPT, code: '77014' }], diagnoses: LUNG, date: '2026-12-01' },
    coverage: NON_MEDICARE,
    covered: 'covered',
    paNeeded: 'no-auth',
    kind: 'code-check',
    reason: /test table/,
  },
  {
    name: 'plan class map: Medicare Advantage',
    order: { diagnoses: BREAST, date: '2026-12-01' },
    coverage: { plan: 'KP WA Medicare Advantage' },
    covered: 'covered',
    paNeeded: 'auth-needed',
    kind: 'criteria-review',
    reason: /criteria review/,
  },
  {
    name: 'plan class map: individual (non-Medicare)',
    order: { diagnoses: BREAST, date: '2026-12-01' },
    coverage: { plan: 'KP WA Individual' },
    covered: 'covered',
    paNeeded: 'auth-needed',
    kind: 'medical-director-review',
    reason: /medical director review/,
  },
  {
    name: 'coverage ended before the date of service',
    order: { diagnoses: LUNG, date: '2026-12-01' },
    coverage: { sopt: '511', period: { start: '2020-01-01', end: '2026-06-30' } },
    covered: 'not-covered',
    paNeeded: undefined,
    kind: 'no-active-coverage',
    reason: /not active on the date of service 2026-12-01/,
  },
];

describe('routes and lines of business', () => {
  it.each(cases)('$name', async (c) => {
    const [ext, ...rest] = await only(imrtRequest({ orders: [c.order], coverage: c.coverage }));
    expect(rest).toEqual([]);
    const e = ext as Ext;
    expect(sub(e, 'covered')).toBe(c.covered);
    expect(sub(e, 'pa-needed')).toBe(c.paNeeded);
    expect(reasonText(e)).toMatch(c.reason);
    expect(sub(e, 'date')).toBe('2026-11-27');
    const stored = await svc.store.get(sub(e, 'coverage-assertion-id') as string);
    expect(stored?.route).toBe(c.kind);
    expect(stored?.coverageInformation).toEqual([ext]);
  });

  it('a review route carries documentation, the policy link, the contact and a guideline card', async () => {
    const res = await svc.hook(
      'imrt-order-sign',
      imrtRequest({ orders: [{ diagnoses: LUNG, date: '2026-12-01' }], coverage: NON_MEDICARE }),
    );
    const e = coverageInfo(res.body.systemActions[0]?.resource ?? {})[0] as Ext;
    expect(sub(e, 'doc-needed')).toBe('clinical');
    expect(sub(e, 'doc-purpose')).toBe('withpa');
    const details = subs(e, 'detail') as Ext[];
    const byCode = Object.fromEntries(
      details.map((d) => [(sub(d, 'code') as { coding: { code: string }[] }).coding[0]?.code, d]),
    );
    expect(sub(byCode['policy-link'] as Ext, 'value')).toBe(
      'http://crd.test/policies/imrt/revisions/2023-01-10.html',
    );
    expect(sub(byCode['policy-link'] as Ext, 'qualification')).toMatch(/sha256 [0-9a-f]{64}/);
    expect(sub(byCode.instructions as Ext, 'value')).toMatch(/oncologist.*radiation oncologist/);
    expect(sub(e, 'contact')).toEqual({
      name: 'Kaiser Permanente Clinical Review staff',
      telecom: [{ system: 'phone', value: '1-800-289-1363' }],
    });
    expect(res.body.cards).toHaveLength(1);
    expect(res.body.cards[0]?.links).toEqual([
      {
        label: 'The criteria revision',
        url: 'http://crd.test/policies/imrt/revisions/2023-01-10.html',
        type: 'absolute',
      },
    ]);
  });

  it('no diagnosis: info-needed OTH (conditional only with info-needed)', async () => {
    const [e] = await only(
      imrtRequest({ orders: [{ date: '2026-12-01' }], coverage: NON_MEDICARE }),
    );
    expect(sub(e as Ext, 'info-needed')).toBe('OTH');
  });

  it('a reasonReference Condition counts as the diagnosis', async () => {
    const req = imrtRequest({ orders: [{ date: '2026-12-01' }], coverage: NON_MEDICARE });
    const sr = (req.context.draftOrders as { entry: { resource: Record<string, unknown> }[] })
      .entry[0]?.resource as Record<string, unknown>;
    sr.reasonReference = [{ reference: 'Condition/dx1' }];
    (req.prefetch as Record<string, unknown>).conditions = {
      resourceType: 'Bundle',
      entry: [
        {
          resource: {
            resourceType: 'Condition',
            id: 'dx1',
            code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'C50.911' }] },
          },
        },
      ],
    };
    const [e] = await only(req);
    expect(reasonText(e as Ext)).toMatch(/medical director review/);
  });
});

describe('code systems', () => {
  it.each([
    ['CPT', CPT, '77385'],
    ['HCPCS (CMS URI)', HCPCS_CMS, 'G6015'],
    ['HCPCS (Blue Button URI)', HCPCS_BLUEBUTTON, 'G6015'],
  ])('%s %s|%s is read as an IMRT code', async (_n, system, code) => {
    const [e] = await only(
      imrtRequest({ orders: [{ codes: [{ system, code }], diagnoses: LUNG, date: '2026-12-01' }] }),
    );
    expect(sub(e as Ext, 'covered')).toBe('covered');
    expect(subs(e as Ext, 'billingCode')).toEqual([{ system, code }]);
  });

  it('a code in an unknown system is not read as CPT', async () => {
    const [e] = await only(
      imrtRequest({
        orders: [
          {
            codes: [{ system: 'http://example.org/local', code: '77385' }],
            diagnoses: LUNG,
            date: '2026-12-01',
          },
        ],
      }),
    );
    expect(sub(e as Ext, 'covered')).toBe('indeterminate');
    expect(reasonText(e as Ext)).toMatch(/No CPT or HCPCS code/);
  });

  it('ext-billing-options on a SNOMED order code', async () => {
    const [e] = await only(
      imrtRequest({
        orders: [
          {
            billingOptions: [
              { system: CPT, code: '77385' },
              { system: CPT, code: '77386' },
            ],
            diagnoses: LUNG,
            date: '2026-12-01',
          },
        ],
      }),
    );
    expect(sub(e as Ext, 'covered')).toBe('covered');
    expect(subs(e as Ext, 'billingCode')).toEqual([
      { system: CPT, code: '77385' },
      { system: CPT, code: '77386' },
    ]);
  });

  it('codes of several outcomes: one repetition per outcome, each with its billing codes, one assertion id', async () => {
    const exts = await only(
      imrtRequest({
        orders: [
          {
            codes: [
              { system: CPT, code: '77385' },
              { system: CPT, code: '99213' },
            ],
            diagnoses: LUNG,
            date: '2026-12-01',
          },
        ],
      }),
    );
    expect(
      exts.map((e) => [
        sub(e, 'covered'),
        subs(e, 'billingCode').map((c) => (c as { code: string }).code),
      ]),
    ).toEqual([
      ['covered', ['77385']],
      ['indeterminate', ['99213']],
    ]);
    expect(new Set(exts.map((e) => sub(e, 'coverage-assertion-id'))).size).toBe(1);
  });
});

describe('hooks', () => {
  it.each([
    ['order-sign', 'imrt-order-sign'],
    ['order-select', 'imrt-order-select'],
    ['order-dispatch', 'imrt-order-dispatch'],
    ['appointment-book', 'imrt-appointment-book'],
  ] as const)(
    '%s: one update per order, unchanged apart from the extension',
    async (hook, service) => {
      const req = imrtRequest({
        hook,
        orders: [
          { diagnoses: LUNG, date: '2026-12-01' },
          { id: 'imrt-2', diagnoses: BREAST, date: '2026-12-02' },
        ],
      });
      const res = await svc.hook(service, req);
      expect(res.status).toBe(200);
      expectConformant(res.body);
      expect(res.body.systemActions).toHaveLength(2);
      const sent =
        hook === 'appointment-book'
          ? (req.context.appointments as { entry: { resource: unknown }[] }).entry.map(
              (e) => e.resource,
            )
          : hook === 'order-dispatch'
            ? (req.prefetch.serviceRequests as { entry: { resource: unknown }[] }).entry.map(
                (e) => e.resource,
              )
            : (req.context.draftOrders as { entry: { resource: unknown }[] }).entry.map(
                (e) => e.resource,
              );
      expect(res.body.systemActions.map((a) => withoutCoverageInfo(a.resource))).toEqual(sent);
      const exts = res.body.systemActions.map((a) => coverageInfo(a.resource)[0] as Ext);
      expect(exts.map((e) => sub(e, 'covered'))).toEqual(['covered', 'covered']);
      // order-select never carries documentation requirements (CRD hook-19).
      for (const e of exts)
        expect(sub(e, 'doc-needed') === undefined).toBe(hook === 'order-select');
    },
  );

  it('a hook sent to another hook’s service is refused with an OperationOutcome', async () => {
    const res = await svc.hook('imrt-order-select', imrtRequest({}));
    expect(res.status).toBe(400);
    expect(res.body.resourceType).toBe('OperationOutcome');
  });

  it('an unknown service id is 404', async () => {
    const res = await svc.hook('nope', imrtRequest({}));
    expect(res.status).toBe(404);
  });
});

describe('loose parsing and configuration', () => {
  it('unknown top-level, context and configuration keys are still answered, and coverage-info: true answers', async () => {
    const req = imrtRequest({
      configuration: { 'coverage-info': true, 'made-up': 3 },
      extra: { futureField: { a: 1 } },
    });
    (req.context as Record<string, unknown>).somethingNew = ['x'];
    const exts = await only(req);
    expect(exts).toHaveLength(1);
  });

  it('coverage-info: false gives no coverage information', async () => {
    const res = await svc.hook(
      'imrt-order-sign',
      imrtRequest({ configuration: { 'coverage-info': false } }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ cards: [], systemActions: [] });
  });

  it('an earlier coverage-information extension for the same coverage is replaced, others kept', async () => {
    const req = imrtRequest({});
    const sr = (req.context.draftOrders as { entry: { resource: Record<string, unknown> }[] })
      .entry[0]?.resource as Record<string, unknown>;
    const other = {
      url: 'http://hl7.org/fhir/us/davinci-crd/StructureDefinition/ext-coverage-information',
      extension: [
        { url: 'coverage', valueReference: { reference: 'Coverage/other-payer' } },
        { url: 'covered', valueCode: 'covered' },
        { url: 'date', valueDate: '2026-11-20' },
        { url: 'coverage-assertion-id', valueString: 'other-payer-1' },
      ],
    };
    const stale = {
      url: 'http://hl7.org/fhir/us/davinci-crd/StructureDefinition/ext-coverage-information',
      extension: [{ url: 'coverage', valueReference: { reference: 'Coverage/cov-imrt' } }],
    };
    sr.extension = [other, stale];
    const exts = await only(req);
    expect(exts[0]).toEqual(other);
    expect(exts).toHaveLength(2);
    expect(sub(exts[1] as Ext, 'coverage-assertion-id')).toBeDefined();
  });

  it('two coverages: one extension each, distinct assertion ids', async () => {
    const exts = await only(
      imrtRequest({
        coverage: [
          { id: 'cov-a', sopt: '511' },
          { id: 'cov-b', sopt: '121' },
        ],
      }),
    );
    expect(exts.map((e) => (sub(e, 'coverage') as { reference: string }).reference)).toEqual([
      'Coverage/cov-a',
      'Coverage/cov-b',
    ]);
    expect(new Set(exts.map((e) => sub(e, 'coverage-assertion-id'))).size).toBe(2);
  });

  it('no Coverage and no way to read one: 400 with an OperationOutcome', async () => {
    const req = imrtRequest({ coverage: null });
    delete (req as { fhirServer?: string }).fhirServer;
    const res = await svc.hook('imrt-order-sign', req);
    expect(res.status).toBe(400);
    expect(res.body.issue?.[0]?.diagnostics).toMatch(/no Coverage/);
  });

  it('no order in context: 400', async () => {
    const req = imrtRequest({});
    (req.context as Record<string, unknown>).draftOrders = { resourceType: 'Bundle', entry: [] };
    expect((await svc.hook('imrt-order-sign', req)).status).toBe(400);
  });

  it('a body that is not a hook call: 400 OperationOutcome naming the field', async () => {
    const res = await svc.hook('imrt-order-sign', { hook: 'order-sign' });
    expect(res.status).toBe(400);
    expect(res.body.issue?.[0]?.diagnostics).toMatch(/hookInstance/);
  });
});

describe('payer identity', () => {
  it('a Coverage of another payer is refused with 400', async () => {
    const other = await startTestService(
      { payer: { organizations: ['Organization/kp-wa'] } },
      svc.store,
    );
    const ok = await other.hook('imrt-order-sign', imrtRequest({}));
    expect(ok.status).toBe(200);
    const res = await other.hook(
      'imrt-order-sign',
      imrtRequest({ coverage: { sopt: '511', payor: 'Organization/someone-else' } }),
    );
    expect(res.status).toBe(400);
    expect(res.body.issue?.[0]?.diagnostics).toMatch(/another payer/);
  });
});
