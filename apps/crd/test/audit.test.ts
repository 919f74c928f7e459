/**
 * The audit entry of a hook call (crd_audit.hook_call, CRD found-37): the
 * request as received (the EHR's access token not kept) and the response as
 * sent, the same JSON as the HTTP body; the stored assertion is the one the
 * response names. Read from the PGlite folder after the service has closed.
 */
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { expect, it } from 'vitest';
import { openPgliteStore } from '../src/index.js';
import { imrtRequest } from './imrt-requests.js';
import { coverageInfo, PUBLIC_URL, pgliteDir, startTestService, sub, tempDir } from './support.js';

it('stores the request (token removed) and the response exactly as sent', async () => {
  const dir = await pgliteDir(join(tempDir(), 'pglite'));
  const svc = await startTestService({}, await openPgliteStore(dir));
  const request = imrtRequest({ coverage: { sopt: '121' } });
  const path = '/cds-services/imrt-order-sign';
  const token = await svc.issuer.sign({ aud: `${PUBLIC_URL}${path}` });
  const res = await svc.app.inject({
    method: 'POST',
    url: path,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: JSON.stringify(request),
  });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  const sent = JSON.parse(res.body) as { systemActions: { resource: { extension?: never[] } }[] };
  const id = sub(
    coverageInfo(sent.systemActions[0]?.resource ?? {})[0] ?? { url: '' },
    'coverage-assertion-id',
  );
  expect(typeof id).toBe('string');
  await svc.close();

  const db = await PGlite.create(dir);
  try {
    const { rows } = await db.query<{
      request: Record<string, unknown>;
      response: unknown;
      status: number;
    }>('select request, response, status from crd_audit.hook_call');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.status).toBe(200);
    expect(rows[0]?.response).toEqual(sent);
    const fhirAuthorization = request.fhirAuthorization as Record<string, unknown> | undefined;
    expect(rows[0]?.request).toEqual({
      ...request,
      ...(fhirAuthorization
        ? { fhirAuthorization: { ...fhirAuthorization, access_token: '[not kept]' } }
        : {}),
    });
    const assertions = await db.query<{ id: string }>('select id from crd_assertion');
    expect(assertions.rows.map((r) => r.id)).toEqual([id]);
  } finally {
    await db.close();
  }
}, 120_000);
