/**
 * The service as a process: `pnpm serve` prints exactly one line, SIGTERM
 * closes it cleanly with in-flight requests answered, and no assertion id a
 * client received is lost when the process is killed (kill -9) mid-stream.
 * Timeouts only catch hangs: nothing here depends on speed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imrtRequest } from './imrt-requests.js';
import { assertionIds, call, startProcess } from './process-support.js';
import { pgliteDir } from './support.js';

const HANG = 300_000;
const tmp = () => mkdtempSync(join(tmpdir(), 'crd-proc-'));

describe('pnpm serve', () => {
  it(
    'prints exactly `listening on http://HOST:PORT`, answers, and exits 0 on SIGTERM after in-flight requests finish',
    async () => {
      const dataDir = tmp();
      // At info level the service logs (to stderr) each request it has begun, before its hooks run.
      const svc = await startProcess({ DATA_DIR: dataDir, LOG_LEVEL: 'info' });
      expect(svc.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${svc.url}/healthz`);
      expect(health.status).toBe(200);
      // Four hook calls, and SIGTERM only once the service has begun all four: they are in flight
      // by the service's own account, not by a guess at how long a busy machine takes.
      const inFlight = Array.from({ length: 4 }, () =>
        call(dataDir, svc.url, '/cds-services/imrt-order-sign', imrtRequest({})),
      );
      await svc.waitForStderr(
        (err) =>
          err.match(
            /"msg":"incoming request"[^\n]*imrt-order-sign|imrt-order-sign[^\n]*"msg":"incoming request"/g,
          )?.length === 4,
      );
      svc.child.kill('SIGTERM');
      const answers = await Promise.allSettled(inFlight);
      const exit = await svc.exited;
      expect(exit.code).toBe(0);
      expect(svc.stdout()).toBe(`listening on ${svc.url}\n`);
      // Each request begun before SIGTERM is answered in full.
      expect(
        answers.map((a) => (a.status === 'fulfilled' ? a.value.status : String(a.reason))),
      ).toEqual([200, 200, 200, 200]);
      // Whatever was answered is in the store after a restart.
      const again = await startProcess({ DATA_DIR: dataDir });
      try {
        for (const a of answers) {
          if (a.status !== 'fulfilled') continue;
          for (const id of assertionIds(a.value.json)) {
            expect((await call(dataDir, again.url, `/v1/assertions/${id}`)).status).toBe(200);
          }
        }
      } finally {
        again.child.kill('SIGTERM');
        await again.exited;
      }
    },
    HANG,
  );

  it(
    'a bad setting stops it with one line and exit 2',
    async () => {
      await expect(startProcess({ DATA_DIR: tmp(), PORT: 'eighty' })).rejects.toThrow(
        /exited \(2\).*PORT: `eighty` is not a port number/s,
      );
    },
    HANG,
  );
});

describe('durability', () => {
  it(
    'kill -9 while answering a stream of hook calls: after a restart every assertion id a client received is found',
    async () => {
      // The store starts from a copy of the run's empty database (the first test starts in an
      // empty folder).
      const dataDir = tmp();
      await pgliteDir(join(dataDir, 'pglite'));
      const first = await startProcess({ DATA_DIR: dataDir });
      const received: string[] = [];
      let stop = false;
      const client = async () => {
        while (!stop) {
          try {
            const res = await call(
              dataDir,
              first.url,
              '/cds-services/imrt-order-sign',
              imrtRequest({
                orders: [
                  { diagnoses: ['C34.90'], date: '2026-12-01' },
                  { id: 'imrt-2', diagnoses: ['C50.911'], date: '2026-12-01' },
                ],
              }),
            );
            if (res.status === 200) received.push(...assertionIds(res.json));
          } catch {
            return; // the connection died with the process
          }
        }
      };
      const clients = Array.from({ length: 4 }, client);
      while (received.length < 40) await new Promise((r) => setTimeout(r, 10));
      first.child.kill('SIGKILL');
      stop = true;
      await Promise.all(clients);
      expect((await first.exited).signal).toBe('SIGKILL');

      const second = await startProcess({ DATA_DIR: dataDir });
      try {
        const missing: string[] = [];
        for (const id of received) {
          const res = await call(dataDir, second.url, `/v1/assertions/${id}`);
          if (res.status !== 200) missing.push(id);
        }
        expect({ received: received.length >= 40, missing }).toEqual({
          received: true,
          missing: [],
        });
      } finally {
        second.child.kill('SIGTERM');
        await second.exited;
      }
    },
    HANG,
  );
});
