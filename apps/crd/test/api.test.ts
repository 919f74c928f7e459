/** /v1/assertions, /v1/evaluate, /openapi.json, /healthz, /readyz, the plugin option, closing. */
import { Agent, get, type IncomingHttpHeaders } from 'node:http';
import { DETERMINATION_SCHEMA_VERSION } from '@criteria/evaluator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssertionStore } from '../src/index.js';
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

describe('closing', () => {
  it('a request in flight on a keep-alive connection is answered with `connection: close`, so the connection does not hold the closing service open', async () => {
    // The route waits until the service is closing (a preClose hook registered after the
    // service's own), so its answer is sent while closing, on a connection kept alive.
    let release = () => {};
    const released = new Promise<void>((r) => {
      release = r;
    });
    let arrived = () => {};
    const inFlight = new Promise<void>((r) => {
      arrived = r;
    });
    const unused = () => Promise.reject(new Error('the store is not used here'));
    const store: AssertionStore = {
      record: unused,
      get: unused,
      rememberJti: unused,
      counts: unused,
      ping: async () => {},
      close: async () => {},
    };
    const closingSvc = await startTestService(
      {
        plugins: [
          {
            plugin: async (app: FastifyInstance) => {
              app.addHook('preClose', async () => release());
              app.get('/slow', async () => {
                arrived();
                await released;
                return { answered: true };
              });
            },
          },
        ],
      },
      store,
    );
    const base = await closingSvc.app.listen({ host: '127.0.0.1', port: 0 });
    const agent = new Agent({ keepAlive: true });
    try {
      const answer = new Promise<{ status?: number; headers: IncomingHttpHeaders; body: string }>(
        (resolve, reject) => {
          get(`${base}/slow`, { agent }, (res) => {
            let body = '';
            res.on('data', (d) => {
              body += String(d);
            });
            res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
          }).on('error', reject);
        },
      );
      await inFlight;
      const closed = closingSvc.app.close();
      const res = await answer;
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ answered: true });
      expect(res.headers.connection).toBe('close');
      // Without the header, close() would wait for fastify's keep-alive timeout (72 s).
      await closed;
    } finally {
      agent.destroy();
    }
  });
});
