/**
 * The checks the ONC Inferno CRD server test kit makes of a CRD service
 * (inferno-framework/davinci-crd-test-kit, server tests), written here as
 * tests: discovery shape, response shape, one action per order, the order
 * unchanged apart from the extension, assertion id rules, no coverage
 * information as a card, the four variant requests, every must-support
 * sub-extension at least once, and indeterminate/technical when the EHR's
 * FHIR server answers 500.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imrtRequest } from './imrt-requests.js';
import {
  COVERAGE_INFORMATION,
  coverageInfo,
  type Ext,
  example,
  expectConformant,
  expectOneActionPerOrderUnchanged,
  type HookResponse,
  startTestService,
  sub,
  subs,
  useTestService,
} from './support.js';

const service = useTestService({ fhirTimeoutMs: 10_000 });
let ehr: Server;
let ehrUrl: string;
const ehrCalls: { url: string; authorization: string | undefined }[] = [];
beforeAll(async () => {
  // A stub EHR FHIR server on loopback that answers 500 to everything.
  ehr = createServer((req, res) => {
    ehrCalls.push({ url: req.url ?? '', authorization: req.headers.authorization });
    res.writeHead(500, { 'content-type': 'application/fhir+json' });
    res.end(
      JSON.stringify({
        resourceType: 'OperationOutcome',
        issue: [{ severity: 'fatal', code: 'exception' }],
      }),
    );
  });
  await new Promise<void>((r) => ehr.listen(0, '127.0.0.1', r));
  ehrUrl = `http://127.0.0.1:${(ehr.address() as AddressInfo).port}/fhir`;
}, 180_000);
afterAll(async () => {
  await new Promise((r) => ehr?.close(r));
});

describe('discovery (crd_discovery_services_validation)', () => {
  it('has services with string hook, description and id, one per offered hook', async () => {
    const res = await service().app.inject({ method: 'GET', url: '/cds-services' });
    const { services } = res.json() as { services: Record<string, unknown>[] };
    expect(services.map((s) => s.hook)).toEqual([
      'order-sign',
      'order-select',
      'order-dispatch',
      'appointment-book',
    ]);
    for (const s of services)
      for (const f of ['hook', 'description', 'id']) expect(typeof s[f]).toBe('string');
    expect(new Set(services.map((s) => s.id)).size).toBe(services.length);
  });
});

/** The variant requests, one per hook, plus the third-party order-sign examples. */
const variants = () =>
  [
    [
      'order-sign',
      'imrt-order-sign',
      imrtRequest({
        orders: [
          { diagnoses: ['C34.90'], date: '2026-12-01' },
          { id: 'b', diagnoses: ['C50.911'], date: '2026-12-01' },
        ],
      }),
    ],
    ['order-select', 'imrt-order-select', imrtRequest({ hook: 'order-select' })],
    ['order-dispatch', 'imrt-order-dispatch', imrtRequest({ hook: 'order-dispatch' })],
    [
      'appointment-book',
      'imrt-appointment-book',
      imrtRequest({ hook: 'appointment-book', coverage: {} }),
    ],
    ['order-sign 01', 'imrt-order-sign', example('01-ig221-order-sign-request.json')],
    [
      'order-sign 04',
      'imrt-order-sign',
      example('04-inferno-ri-order-sign-servicerequest-G0180.json'),
    ],
    [
      'order-sign 05',
      'imrt-order-sign',
      example('05-inferno-v221-order-sign-servicerequest-communicationrequest.json'),
    ],
    [
      'order-sign no diagnosis',
      'imrt-order-sign',
      imrtRequest({ orders: [{ date: '2026-12-01' }] }),
    ],
    [
      'order-sign mixed codes',
      'imrt-order-sign',
      imrtRequest({
        orders: [
          {
            codes: [
              { system: 'http://www.ama-assn.org/go/cpt', code: '77385' },
              { system: 'http://www.ama-assn.org/go/cpt', code: '99213' },
            ],
            diagnoses: ['C34.90'],
          },
        ],
      }),
    ],
  ] as const;

describe('hook responses (crd_service_response_validation, coverage_info_system_action_*)', () => {
  const responses: { name: string; req: Record<string, unknown>; res: HookResponse }[] = [];
  beforeAll(async () => {
    for (const [name, id, req] of variants()) {
      const r = await service().hook(id, req);
      expect(r.status, name).toBe(200);
      responses.push({ name, req, res: r.body });
    }
  }, 120_000);

  it('every response has cards and systemActions; actions are update with a description and a FHIR resource', () => {
    for (const { res } of responses) expectConformant(res);
  });

  it('order-sign: one action per draft order, each order unchanged apart from the extension', () => {
    const signs = responses.filter((r) => r.name.startsWith('order-sign'));
    expect(signs.length).toBeGreaterThan(0);
    for (const { req, res } of signs) expectOneActionPerOrderUnchanged(req, res);
  });

  it('every response carries a coverage-information system action on an order resource of its hook', () => {
    const allowed: Record<string, string[]> = {
      'appointment-book': ['Appointment'],
      default: [
        'DeviceRequest',
        'MedicationRequest',
        'NutritionOrder',
        'ServiceRequest',
        'VisionPrescription',
        'CommunicationRequest',
      ],
    };
    for (const { name, res } of responses) {
      const types = allowed[name] ?? allowed.default;
      const withInfo = res.systemActions.filter((a) => coverageInfo(a.resource).length > 0);
      expect(withInfo.length, name).toBeGreaterThan(0);
      expect(
        withInfo.some((a) => types?.includes(a.resource.resourceType)),
        name,
      ).toBe(true);
    }
  });

  it('assertion ids: the same coverage shares one id within a resource; different coverages and orders get distinct ids', () => {
    const seen = new Set<string>();
    for (const { res } of responses) {
      for (const a of res.systemActions) {
        const byCoverage = new Map<string, Set<unknown>>();
        for (const e of coverageInfo(a.resource)) {
          const key = JSON.stringify(sub(e, 'coverage'));
          const ids = byCoverage.get(key) ?? new Set();
          ids.add(sub(e, 'coverage-assertion-id'));
          byCoverage.set(key, ids);
        }
        for (const ids of byCoverage.values()) {
          expect(ids.size).toBe(1);
          const [id] = [...ids] as string[];
          expect(seen.has(id as string)).toBe(false);
          seen.add(id as string);
        }
      }
    }
  });

  it('no coverage information is delivered as a card', () => {
    for (const { res } of responses)
      for (const c of res.cards) expect(JSON.stringify(c)).not.toContain(COVERAGE_INFORMATION);
  });

  it('every must-support sub-extension this payer can assert appears at least once', () => {
    const seen = new Set(
      responses.flatMap(({ res }) =>
        res.systemActions.flatMap((a) =>
          coverageInfo(a.resource).flatMap((e) => (e.extension ?? []).map((x) => x.url)),
        ),
      ),
    );
    // Not asserted by this payer (documented in docs/crd.md): questionnaire (no DTR), dependency,
    // satisfied-pa-id (no gold carding), expiry-date (no expiry known).
    for (const url of [
      'coverage',
      'covered',
      'pa-needed',
      'doc-needed',
      'doc-purpose',
      'info-needed',
      'billingCode',
      'reason',
      'detail',
      'date',
      'coverage-assertion-id',
      'contact',
    ]) {
      expect(seen, url).toContain(url);
    }
  });
});

describe('indeterminate / technical when the EHR FHIR server answers 500', () => {
  it('coverage to be read from the EHR: indeterminate with reason technical and a text; the EHR was asked with the hook token', async () => {
    ehrCalls.length = 0;
    const req = imrtRequest({
      coverage: null,
      fhirServer: ehrUrl,
      orders: [{ diagnoses: ['C34.90'], date: '2026-12-01', insurance: 'Coverage/cov-imrt' }],
    });
    const res = await service().hook('imrt-order-sign', req);
    expect(res.status).toBe(200);
    expectConformant(res.body);
    const [e] = coverageInfo(res.body.systemActions[0]?.resource ?? {}) as Ext[];
    expect(sub(e as Ext, 'covered')).toBe('indeterminate');
    expect(sub(e as Ext, 'pa-needed')).toBe('indeterminate');
    const reason = subs(e as Ext, 'reason')[0] as { coding: { code: string }[]; text: string };
    expect(reason.coding[0]?.code).toBe('technical');
    expect(reason.text).toMatch(/HTTP 500/);
    expect(sub(e as Ext, 'coverage')).toEqual({ reference: 'Coverage/cov-imrt' });
    expect(ehrCalls).toEqual([
      {
        url: '/fhir/Coverage?patient=pat-imrt&status=active',
        authorization: 'Bearer ehr-access-token-SECRET',
      },
    ]);
  });

  it('a dispatched order to be read from the EHR: a warning card, no invented update', async () => {
    const req = imrtRequest({ hook: 'order-dispatch', fhirServer: ehrUrl });
    (req.context as Record<string, unknown>).dispatchedOrders = [
      'ServiceRequest/imrt-1',
      'ServiceRequest/not-in-prefetch',
    ];
    const res = await service().hook('imrt-order-dispatch', req);
    expect(res.status).toBe(200);
    expectConformant(res.body);
    expect(res.body.systemActions.map((a) => a.resource.id)).toEqual(['imrt-1']);
    expect(res.body.cards.map((c) => c.summary)).toContain(
      'No coverage information for ServiceRequest/not-in-prefetch: the order could not be read from the EHR',
    );
  });

  it('an EHR that does not answer in time: technical too', async () => {
    const slow = await startTestService({ fhirTimeoutMs: 200 }, service().store);
    const hang = createServer(() => undefined);
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(hang.address() as AddressInfo).port}/fhir`;
      const res = await slow.hook(
        'imrt-order-sign',
        imrtRequest({ coverage: null, fhirServer: url }),
      );
      const [e] = coverageInfo(res.body.systemActions[0]?.resource ?? {}) as Ext[];
      expect((subs(e as Ext, 'reason')[0] as { text: string }).text).toMatch(/timeout/);
    } finally {
      hang.closeAllConnections();
      await new Promise((r) => hang.close(r));
    }
  });
});
