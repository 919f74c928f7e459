/**
 * The server the service bench drives (a child process): the coverage service
 * on PGlite in a temporary folder (or BENCH_DATABASE_URL), plus
 * `POST /bench/fixed-200`, the baseline: the same fastify instance, logger,
 * body limit and JSON body parser, an unguarded path (the onRequest hook
 * returns at once), no schema, answering `{ cards: [], systemActions: [] }`.
 * Trusts the issuer whose JWKS is in BENCH_JWKS. Prints `listening on URL`.
 *
 * Diagnostics (never the figure; `bench --diagnostics`):
 * `POST /cds-services/bench-floor`, the token floor: a path the onRequest hook guards, so
 * the request's token is verified by the service's own verifier and its `jti` remembered
 * by the store exactly as for a hook call, then the same fixed 200 as the baseline (no
 * schema); and `POST /bench/store {"record": false}`, which makes the store skip `record`
 * (assertions and audit entry) until it is set back, so the real hook route can be timed
 * without storage on the same server, between runs of the others.
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import {
  type AssertionStore,
  buildServer,
  createLogger,
  openPgliteStore,
  openPostgresStore,
} from '../src/index.js';

const dataDir = mkdtempSync(join(tmpdir(), 'crd-bench-'));
const backing = process.env.BENCH_NO_STORE
  ? // Diagnostic only (`--no-store`): what a hook call costs without storing anything.
    ({
      record: async () => {},
      get: async () => null,
      rememberJti: async () => true,
      ping: async () => {},
      close: async () => {},
      counts: async () => ({ assertions: 0, audit: 0 }),
    } satisfies AssertionStore)
  : process.env.BENCH_DATABASE_URL
    ? await openPostgresStore(process.env.BENCH_DATABASE_URL)
    : await openPgliteStore(join(dataDir, 'pglite'));
// `record` skipped while `recording` is false (diagnostic): token ids are still remembered.
let recording = true;
const store: AssertionStore = {
  ...backing,
  record: (assertions, audit) =>
    recording ? backing.record(assertions, audit) : Promise.resolve(),
};
const app = await buildServer({
  store,
  trustedIssuers: [{ iss: 'https://bench.test', jwks: JSON.parse(process.env.BENCH_JWKS ?? '{}') }],
  memberHashKey: 'bench',
  today: () => '2026-11-27',
  // The service's own logger (redaction included) at its default level, to a sink: both
  // routes log their requests as production does.
  logger: createLogger({ level: 'info', destination: pino.destination('/dev/null') }),
  plugins: [
    {
      plugin: async (instance: import('fastify').FastifyInstance) => {
        instance.post('/bench/fixed-200', async () => ({ cards: [], systemActions: [] }));
        // Diagnostic: token verified and jti remembered (the guarded path), then the fixed 200.
        instance.post('/cds-services/bench-floor', async () => ({ cards: [], systemActions: [] }));
        instance.post('/bench/store', async (req) => {
          recording = (req.body as { record?: unknown }).record !== false;
          return { record: recording };
        });
        // The server's CPU time (all threads: PGlite's included) and its main thread's
        // event-loop busy time, read by the bench before and after each run.
        instance.get('/bench/cpu', async () => ({
          cpu: process.cpuUsage(),
          elu: performance.eventLoopUtilization(),
        }));
      },
    },
  ],
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(
  `listening on http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}\n`,
);
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
