import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** A stored coverage-information assertion: no member data beyond a keyed hash. */
export interface StoredAssertion {
  id: string;
  hook: string;
  hookInstance: string;
  /** `Type/id` of the order on the EHR. */
  order: string;
  policy: string;
  revisionId: string | null;
  revisionSha256: string | null;
  readingsEdition: string | null;
  readingsSha256: string | null;
  /** The route(s) or gate, e.g. `criteria-review`, `no-criteria-here`. */
  route: string;
  lineOfBusiness: string | null;
  lineOfBusinessBasis: string;
  codes: string[];
  dateOfService: string;
  decisionDate: string;
  /** HMAC-SHA256 of the patient and coverage ids under the deployment's key. */
  memberKeyedHash: string | null;
  /** The coverage-information extensions as sent. */
  coverageInformation: unknown[];
}

export interface AuditEntry {
  hook: string;
  hookInstance: string;
  status: number;
  request: unknown;
  response: unknown;
}

/** Where assertions, the audit trail and seen token ids live. */
export interface AssertionStore {
  /** Stores the assertions and the audit entry in one transaction. */
  record(assertions: readonly StoredAssertion[], audit: AuditEntry): Promise<void>;
  get(id: string): Promise<StoredAssertion | null>;
  /** True when the token id is new (and now remembered); false on a replay. */
  rememberJti(issuer: string, jti: string, expiresAtEpochSeconds: number): Promise<boolean>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Counts, for tests and health. */
  counts(): Promise<{ assertions: number; audit: number }>;
}

interface Sql {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  transaction<T>(fn: (q: Sql['query']) => Promise<T>): Promise<T>;
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Schema. The audit trail (CRD found-37) is its own schema with no access for
 * PUBLIC: a deployment grants it to its auditors' role only, never to the role
 * that reads assertions for claims.
 */
const SCHEMA = `
create table if not exists crd_assertion (
  id text primary key,
  created_at timestamptz not null default now(),
  hook text not null,
  hook_instance text not null,
  order_ref text not null,
  policy text not null,
  revision_id text,
  revision_sha256 text,
  readings_edition text,
  readings_sha256 text,
  route text not null,
  line_of_business text,
  line_of_business_basis text not null,
  codes jsonb not null,
  date_of_service date not null,
  decision_date date not null,
  member_keyed_hash text,
  coverage_information jsonb not null
);
create schema if not exists crd_audit;
create table if not exists crd_audit.hook_call (
  id bigserial primary key,
  at timestamptz not null default now(),
  hook text not null,
  hook_instance text not null,
  status integer not null,
  request jsonb not null,
  response jsonb not null
);
revoke all on crd_audit.hook_call from public;
create table if not exists crd_jti (
  issuer text not null,
  jti text not null,
  expires_at timestamptz not null,
  primary key (issuer, jti)
);
`;

interface Row {
  id: string;
  hook: string;
  hook_instance: string;
  order_ref: string;
  policy: string;
  revision_id: string | null;
  revision_sha256: string | null;
  readings_edition: string | null;
  readings_sha256: string | null;
  route: string;
  line_of_business: string | null;
  line_of_business_basis: string;
  codes: string[] | string;
  date_of_service: string;
  decision_date: string;
  member_keyed_hash: string | null;
  coverage_information: unknown[] | string;
}

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

const fromRow = (r: Row): StoredAssertion => ({
  id: r.id,
  hook: r.hook,
  hookInstance: r.hook_instance,
  order: r.order_ref,
  policy: r.policy,
  revisionId: r.revision_id,
  revisionSha256: r.revision_sha256,
  readingsEdition: r.readings_edition,
  readingsSha256: r.readings_sha256,
  route: r.route,
  lineOfBusiness: r.line_of_business,
  lineOfBusinessBasis: r.line_of_business_basis,
  codes: json(r.codes),
  dateOfService: r.date_of_service,
  decisionDate: r.decision_date,
  memberKeyedHash: r.member_keyed_hash,
  coverageInformation: json(r.coverage_information),
});

const INSERT = `insert into crd_assertion (id, hook, hook_instance, order_ref, policy, revision_id,
  revision_sha256, readings_edition, readings_sha256, route, line_of_business, line_of_business_basis,
  codes, date_of_service, decision_date, member_keyed_hash, coverage_information)
  values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)`;

const SELECT = `select id, hook, hook_instance, order_ref, policy, revision_id, revision_sha256,
  readings_edition, readings_sha256, route, line_of_business, line_of_business_basis, codes,
  to_char(date_of_service, 'YYYY-MM-DD') as date_of_service,
  to_char(decision_date, 'YYYY-MM-DD') as decision_date, member_keyed_hash, coverage_information
  from crd_assertion where id = $1`;

const storeOver = async (sql: Sql): Promise<AssertionStore> => {
  await sql.exec(SCHEMA);
  return {
    async record(assertions, audit) {
      await sql.transaction(async (q) => {
        for (const a of assertions) {
          await q(INSERT, [
            a.id,
            a.hook,
            a.hookInstance,
            a.order,
            a.policy,
            a.revisionId,
            a.revisionSha256,
            a.readingsEdition,
            a.readingsSha256,
            a.route,
            a.lineOfBusiness,
            a.lineOfBusinessBasis,
            JSON.stringify(a.codes),
            a.dateOfService,
            a.decisionDate,
            a.memberKeyedHash,
            JSON.stringify(a.coverageInformation),
          ]);
        }
        await q(
          'insert into crd_audit.hook_call (hook, hook_instance, status, request, response) values ($1,$2,$3,$4,$5)',
          [
            audit.hook,
            audit.hookInstance,
            audit.status,
            JSON.stringify(audit.request),
            JSON.stringify(audit.response),
          ],
        );
      });
    },
    async get(id) {
      const { rows } = await sql.query<Row>(SELECT, [id]);
      return rows[0] ? fromRow(rows[0]) : null;
    },
    async rememberJti(issuer, jti, expiresAt) {
      const { rows } = await sql.query<{ jti: string }>(
        `insert into crd_jti (issuer, jti, expires_at) values ($1, $2, to_timestamp($3))
         on conflict do nothing returning jti`,
        [issuer, jti, expiresAt],
      );
      if (Math.random() < 0.01) {
        await sql.query("delete from crd_jti where expires_at < now() - interval '1 hour'");
      }
      return rows.length === 1;
    },
    async ping() {
      await sql.query('select 1');
    },
    close: () => sql.close(),
    async counts() {
      const a = await sql.query<{ n: number | string }>(
        'select count(*)::int as n from crd_assertion',
      );
      const b = await sql.query<{ n: number | string }>(
        'select count(*)::int as n from crd_audit.hook_call',
      );
      return { assertions: Number(a.rows[0]?.n ?? 0), audit: Number(b.rows[0]?.n ?? 0) };
    },
  };
};

/** Embedded PostgreSQL (PGlite), files under `dir`. */
export const openPgliteStore = async (dir: string): Promise<AssertionStore> => {
  mkdirSync(dir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(join(dir));
  return storeOver({
    query: (text, params) => db.query(text, params),
    transaction: (fn) => db.transaction((tx) => fn((text, params) => tx.query(text, params))),
    exec: async (text) => {
      await db.exec(text);
    },
    close: () => db.close(),
  } as Sql);
};

/** A PostgreSQL server (node-postgres pool). */
export const openPostgresStore = async (url: string): Promise<AssertionStore> => {
  const pg = await import('pg');
  const pool = new pg.default.Pool({ connectionString: url, max: 8 });
  const sql: Sql = {
    query: async (text, params) => pool.query(text, params as unknown[]) as never,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const out = await fn((text, params) => client.query(text, params as unknown[]) as never);
        await client.query('commit');
        return out;
      } catch (e) {
        await client.query('rollback').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    exec: async (text) => {
      // Two processes may create the schema at once: serialise on an advisory lock.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(727274)');
        await client.query(text);
      } finally {
        await client.query('select pg_advisory_unlock(727274)').catch(() => undefined);
        client.release();
      }
    },
    close: () => pool.end(),
  };
  return storeOver(sql);
};

/** PostgreSQL at `databaseUrl` when given, else PGlite under `dataDir/pglite`. */
export const openStore = (opts: { dataDir: string; databaseUrl?: string | undefined }) =>
  opts.databaseUrl
    ? openPostgresStore(opts.databaseUrl)
    : openPgliteStore(join(opts.dataDir, 'pglite'));
