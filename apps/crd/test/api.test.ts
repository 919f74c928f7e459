/** /v1/assertions, /v1/evaluate, /openapi.json, /healthz, /readyz, and the plugin option. */
import { DETERMINATION_SCHEMA_VERSION } from '@criteria/evaluator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imrtRequest } from './imrt-requests.js';
import {
  coverageInfo,
  type Ext,
  PUBLIC_URL,
  startTestService,
  sub,
  type TestService,
} from './support.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService({
    plugins: [
      {
        plugin: async (app: import('fastify').FastifyInstance) => {
          app.get('/', async () => 'viewer home');
        },
      },
    ],
  });
}, 180_000);
afterAll(async () => svc?.close());

const authed = async (method: 'GET' | 'POST', url: string, payload?: unknown) =>
  svc.app.inject({
    method,
    url,
    headers: {
      authorization: `Bearer ${await svc.issuer.sign({ aud: `${PUBLIC_URL}${url}` })}`,
      'content-type': 'application/json',
    },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  });

describe('GET /v1/assertions/{id}', () => {
  it('returns what was stored for an assertion id the client received, without the member hash', async () => {
    const res = await svc.hook(
      'imrt-order-sign',
      imrtRequest({ orders: [{ diagnoses: ['C50.911'], date: '2026-12-01' }] }),
    );
    const ext = coverageInfo(res.body.systemActions[0]?.resource ?? {})[0] as Ext;
    const id = sub(ext, 'coverage-assertion-id') as string;
    const got = await authed('GET', `/v1/assertions/${id}`);
    expect(got.statusCode).toBe(200);
    const body = got.json();
    expect(body).toMatchObject({
      id,
      hook: 'order-sign',
      order: 'ServiceRequest/imrt-1',
      policy: 'imrt',
      revisionId: '2023-01-10',
      route: 'medical-director-review',
      lineOfBusiness: 'non-medicare',
      lineOfBusinessBasis: 'sopt',
      codes: ['77385'],
      dateOfService: '2026-12-01',
      decisionDate: '2026-11-27',
      coverageInformation: [ext],
    });
    expect(body.revisionSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(body).not.toHaveProperty('memberKeyedHash');
    // No member data: the stored row holds no patient id, name or member identifier.
    const stored = JSON.stringify(await svc.store.get(id));
    for (const member of ['pat-imrt', 'Zyxwvutsrq', 'MEMBER-0001'])
      expect(stored).not.toContain(member);
    expect((await svc.store.get(id))?.memberKeyedHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('an unknown id is 404', async () => {
    expect((await authed('GET', '/v1/assertions/nope')).statusCode).toBe(404);
  });
});

describe('POST /v1/evaluate', () => {
  it("answers the evaluator's own determination", async () => {
    const res = await authed('POST', '/v1/evaluate', {
      policy: 'imrt',
      lineOfBusiness: 'medicare',
      dateOfService: '2021-09-01',
      procedureCodes: ['77385'],
      indication: 'lung-cancer',
      documentation: [],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      schemaVersion: DETERMINATION_SCHEMA_VERSION,
      route: 'criteria-review',
      revision: { id: '2021-03-02' },
    });
  });

  it('an invalid request is 400 with every issue naming its field', async () => {
    const res = await authed('POST', '/v1/evaluate', {
      policy: 'imrt',
      lineOfBusiness: 'other',
      dateOfService: '2021-02-30',
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json() as { issues: { path: string }[] }).issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['lineOfBusiness', 'dateOfService', 'procedureCodes']),
    );
  });
});

describe('service documents', () => {
  it('/openapi.json lists the routes, from the same zod schemas', async () => {
    const res = await svc.app.inject({ method: 'GET', url: '/openapi.json' });
    const doc = res.json() as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    // (The extra plugin's `/` is listed too.)
    expect(
      Object.keys(doc.paths)
        .filter((p) => p !== '/')
        .sort(),
    ).toEqual(['/cds-services', '/cds-services/{id}', '/v1/assertions/{id}', '/v1/evaluate']);
    const hookBody = JSON.stringify(doc.paths['/cds-services/{id}']?.post?.requestBody);
    expect(hookBody).toContain('hookInstance');
    expect(hookBody).toContain('additionalProperties');
  });

  it('/healthz and /readyz', async () => {
    expect((await svc.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({
      status: 'ok',
    });
    expect((await svc.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({
      status: 'ready',
    });
  });

  it('an extra plugin is served at / beside the service', async () => {
    const res = await svc.app.inject({ method: 'GET', url: '/' });
    expect(res.body).toBe('viewer home');
  });
});
