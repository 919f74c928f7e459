/**
 * Two service processes on one PostgreSQL server see each other's assertions.
 * The server is started by CI (.ci/postgres), which sets CRD_TEST_DATABASE_URL;
 * without it (a developer's machine with no server) these tests are skipped.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPostgresStore } from '../src/index.js';
import { imrtRequest } from './imrt-requests.js';
import { assertionIds, call, startProcess } from './process-support.js';

const url = process.env.CRD_TEST_DATABASE_URL;
const HANG = 300_000;

describe.skipIf(!url)('PostgreSQL (CRD_TEST_DATABASE_URL)', () => {
  it(
    'two processes on one server: each finds the assertions the other stored',
    async () => {
      // One data folder: both trust the same development issuer; assertions live in PostgreSQL.
      const dataDir = mkdtempSync(join(tmpdir(), 'crd-pg-'));
      const env = { DATA_DIR: dataDir, DATABASE_URL: url as string };
      const [a, b] = await Promise.all([startProcess(env), startProcess(env)]);
      try {
        const fromA = await call(dataDir, a.url, '/cds-services/imrt-order-sign', imrtRequest({}));
        const fromB = await call(dataDir, b.url, '/cds-services/imrt-order-sign', imrtRequest({}));
        expect([fromA.status, fromB.status]).toEqual([200, 200]);
        const [idA] = assertionIds(fromA.json);
        const [idB] = assertionIds(fromB.json);
        expect((await call(dataDir, b.url, `/v1/assertions/${idA}`)).json).toMatchObject({
          id: idA,
          route: 'criteria-review',
        });
        expect((await call(dataDir, a.url, `/v1/assertions/${idB}`)).json).toMatchObject({
          id: idB,
          route: 'criteria-review',
        });
      } finally {
        a.child.kill('SIGTERM');
        b.child.kill('SIGTERM');
        expect((await a.exited).code).toBe(0);
        expect((await b.exited).code).toBe(0);
      }
    },
    HANG,
  );

  it(
    'a token id seen by one process is a replay for every process on the server',
    async () => {
      const s1 = await openPostgresStore(url as string);
      const s2 = await openPostgresStore(url as string);
      try {
        const jti = `jti-${Date.now()}-${Math.random()}`;
        const exp = Math.floor(Date.now() / 1000) + 300;
        expect(await s1.rememberJti('iss', jti, exp)).toBe(true);
        expect(await s2.rememberJti('iss', jti, exp)).toBe(false);
      } finally {
        await s1.close();
        await s2.close();
      }
    },
    HANG,
  );

  it(
    'the audit table is not readable by PUBLIC',
    async () => {
      const pg = await import('pg');
      const client = new pg.default.Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query(
          "select has_table_privilege('public', 'crd_audit.hook_call', 'select') as public_can_read",
        );
        expect(rows[0]).toEqual({ public_can_read: false });
      } finally {
        await client.end();
      }
    },
    HANG,
  );
});
