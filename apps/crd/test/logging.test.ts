/** Logs never hold member data or tokens (pino redaction). */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/index.js';
import { imrtRequest } from './imrt-requests.js';
import { logSink, startTestService } from './support.js';

describe('redaction', () => {
  it('censors tokens, prefetch, context and bodies wherever they are logged', () => {
    const { lines, stream } = logSink();
    const log = createLogger({ destination: stream, level: 'info' });
    log.info(
      {
        req: {
          method: 'POST',
          url: '/x',
          headers: { authorization: 'Bearer SECRET-TOKEN' },
          body: { name: 'Zyxwvutsrq' },
        },
        prefetch: { patient: { name: 'Zyxwvutsrq' } },
        hook: {
          fhirAuthorization: { access_token: 'EHR-SECRET' },
          context: { patientId: 'pat-imrt' },
        },
        token: 'SECRET-TOKEN',
        authorization: 'Bearer SECRET-TOKEN',
      },
      'a mistake a developer might make',
    );
    const text = lines.join('');
    expect(text).toContain('a mistake a developer might make');
    for (const secret of ['SECRET-TOKEN', 'Zyxwvutsrq', 'EHR-SECRET', 'pat-imrt'])
      expect(text).not.toContain(secret);
  });

  it('a hook call, an invalid one, a refused token and a failing EHR leave no member data or token in the logs', async () => {
    const svc = await startTestService({ fhirTimeoutMs: 200 });
    try {
      const req = imrtRequest({ fhirServer: 'http://127.0.0.1:9/fhir' });
      await svc.hook('imrt-order-sign', req);
      await svc.hook('imrt-order-sign', imrtRequest({ coverage: null }));
      await svc.hook('imrt-order-sign', { ...req, hookInstance: 42 });
      const token = await svc.issuer.sign({ aud: 'http://wrong.test/' });
      await svc.app.inject({
        method: 'POST',
        url: '/cds-services/imrt-order-sign',
        headers: { authorization: `Bearer ${token}` },
        payload: req,
      });
      const text = svc.logs.join('');
      expect(text).toContain('request completed');
      for (const secret of [
        'Zyxwvutsrq',
        'MEMBER-0001',
        'pat-imrt',
        'ehr-access-token-SECRET',
        token,
        'eyJ',
      ]) {
        expect(text).not.toContain(secret);
      }
    } finally {
      await svc.close();
    }
  }, 120_000);
});
