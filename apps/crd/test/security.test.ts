/**
 * Every JWT negative gives 401 with nothing stored: no token, alg none, HS256,
 * an unknown kid, an untrusted iss, a wrong aud, expired, a replayed jti (and
 * a token without jti, one issued in the future).
 */
import { randomUUID } from 'node:crypto';
import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imrtRequest } from './imrt-requests.js';
import { makeIssuer, PUBLIC_URL, startTestService, type TestService } from './support.js';

let svc: TestService;
beforeAll(async () => {
  svc = await startTestService();
}, 180_000);
afterAll(async () => svc?.close());

const PATH = '/cds-services/imrt-order-sign';
const AUD = `${PUBLIC_URL}${PATH}`;
const now = () => Math.floor(Date.now() / 1000);

const send = (authorization: string | undefined, url = PATH) =>
  svc.app.inject({
    method: url.startsWith('/v1/assertions') ? 'GET' : 'POST',
    url,
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    ...(url.startsWith('/v1/assertions')
      ? {}
      : { payload: JSON.stringify(url === PATH ? imrtRequest({}) : {}) }),
  });

const negatives: [string, () => Promise<string | undefined>][] = [
  ['no token', async () => undefined],
  ['not a bearer token', async () => 'Basic dXNlcjpwYXNz'],
  ['garbage', async () => 'Bearer not.a.jwt'],
  [
    'alg none',
    async () =>
      `Bearer ${new UnsecuredJWT({ iss: svc.issuer.iss, aud: AUD, jti: randomUUID() }).setIssuedAt().setExpirationTime('5m').encode()}`,
  ],
  [
    'HS256 (an HMAC key, even one equal to the public key text)',
    async () =>
      `Bearer ${await new SignJWT({ jti: randomUUID() })
        .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
        .setIssuer(svc.issuer.iss)
        .setAudience(AUD)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(JSON.stringify(svc.issuer.jwks)))}`,
  ],
  ['an unknown kid', async () => `Bearer ${await svc.issuer.sign({ aud: AUD }, { kid: 'other' })}`],
  [
    'a key the issuer never published',
    async () => {
      const { privateKey } = await generateKeyPair('ES256');
      return `Bearer ${await new SignJWT({ jti: randomUUID() }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setIssuer(svc.issuer.iss).setAudience(AUD).setIssuedAt().setExpirationTime('5m').sign(privateKey)}`;
    },
  ],
  [
    'an untrusted iss',
    async () => `Bearer ${await (await makeIssuer('https://evil.test')).sign({ aud: AUD })}`,
  ],
  [
    'a trusted iss claimed by another key',
    async () => `Bearer ${await (await makeIssuer(svc.issuer.iss)).sign({ aud: AUD })}`,
  ],
  [
    'a wrong aud (another service)',
    async () =>
      `Bearer ${await svc.issuer.sign({ aud: `${PUBLIC_URL}/cds-services/imrt-order-select` })}`,
  ],
  [
    'a wrong aud (the base URL only)',
    async () => `Bearer ${await svc.issuer.sign({ aud: PUBLIC_URL })}`,
  ],
  [
    'expired',
    async () => `Bearer ${await svc.issuer.sign({ aud: AUD, iat: now() - 900, exp: now() - 600 })}`,
  ],
  [
    'issued in the future',
    async () => `Bearer ${await svc.issuer.sign({ aud: AUD, iat: now() + 600, exp: now() + 900 })}`,
  ],
  ['no jti', async () => `Bearer ${await svc.issuer.sign({ aud: AUD, jti: undefined })}`],
];

describe('JWT negatives: 401, nothing stored', () => {
  it.each(negatives)('%s', async (_name, make) => {
    const before = await svc.store.counts();
    const res = await send(await make());
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: 'unauthorized' });
    expect(await svc.store.counts()).toEqual(before);
  });

  it('a replayed jti: the first call is answered, the replay is 401 and stores nothing', async () => {
    const token = `Bearer ${await svc.issuer.sign({ aud: AUD })}`;
    const first = await send(token);
    expect(first.statusCode).toBe(200);
    const before = await svc.store.counts();
    const replay = await send(token);
    expect(replay.statusCode).toBe(401);
    expect(await svc.store.counts()).toEqual(before);
  });

  it('a good token is accepted, and stores the assertion and the audit entry', async () => {
    const before = await svc.store.counts();
    const res = await send(`Bearer ${await svc.issuer.sign({ aud: AUD })}`);
    expect(res.statusCode).toBe(200);
    expect(await svc.store.counts()).toEqual({
      assertions: before.assertions + 1,
      audit: before.audit + 1,
    });
  });

  it('/v1 calls need a token too (aud = their own URL)', async () => {
    expect((await send(undefined, '/v1/evaluate')).statusCode).toBe(401);
    expect((await send(undefined, '/v1/assertions/x')).statusCode).toBe(401);
    const ok = await send(
      `Bearer ${await svc.issuer.sign({ aud: `${PUBLIC_URL}/v1/assertions/x` })}`,
      '/v1/assertions/x',
    );
    expect(ok.statusCode).toBe(404);
  });

  it('discovery, health and the OpenAPI document need none', async () => {
    for (const url of ['/cds-services', '/healthz', '/readyz', '/openapi.json']) {
      expect((await svc.app.inject({ method: 'GET', url })).statusCode).toBe(200);
    }
  });
});
