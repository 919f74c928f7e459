import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPgliteThread } from './internal/pglite-thread.js';
import { dollarQuoted } from './internal/sql-literal.js';

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
  /** The response body, or its JSON text exactly as sent (`JsonText`). */
  response: unknown;
}

/** JSON already serialised (e.g. the response body as sent): stored as is, not serialised again. */
export class JsonText {
  constructor(readonly json: string) {}
}

const jsonOf = (v: unknown): string => (v instanceof JsonText ? v.json : JSON.stringify(v));

/** Where assertions, the audit trail and seen token ids live. */
export interface AssertionStore {
  /** Stores the assertions and the audit entry in one statement (group-committed with concurrent calls). */
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
  exec(text: string): Promise<void>;
  /** One simple query, no rows wanted (PGlite: one protocol message moved to its thread). */
  execSimple?(text: string): Promise<void>;
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
-- A row under 8 kB stays inline and uncompressed: PostgreSQL's default compresses any row over
-- ~2 kB (pglz), which an assertion (~2.2 kB) and an audit entry (~4.5 kB) both are. In PGlite
-- that compression was about a fifth of the storage CPU per hook call (docs/performance.md).
-- Larger rows (big requests) are still compressed and moved out of line as usual.
alter table crd_assertion set (toast_tuple_target = 8160);
alter table crd_audit.hook_call set (toast_tuple_target = 8160);
create table if not exists crd_jti (
  issuer text not null,
  jti text not null,
  expires_at timestamptz not null,
  primary key (issuer, jti)
);
create or replace function crd_record(assertions jsonb, audit jsonb, jtis jsonb) returns void
language plpgsql as $record$
begin
  insert into crd_jti (issuer, jti, expires_at)
  select z.issuer, z.jti, to_timestamp(z.exp)
  from jsonb_to_recordset(jtis) as z(issuer text, jti text, exp double precision)
  on conflict do nothing;
  insert into crd_assertion (id, hook, hook_instance, order_ref, policy, revision_id, revision_sha256,
    readings_edition, readings_sha256, route, line_of_business, line_of_business_basis, codes,
    date_of_service, decision_date, member_keyed_hash, coverage_information)
  select x.id, x.hook, x.hook_instance, x.order_ref, x.policy, x.revision_id, x.revision_sha256,
    x.readings_edition, x.readings_sha256, x.route, x.line_of_business, x.line_of_business_basis,
    x.codes, x.date_of_service, x.decision_date, x.member_keyed_hash, x.coverage_information
  from jsonb_to_recordset(assertions) as x(id text, hook text, hook_instance text, order_ref text,
    policy text, revision_id text, revision_sha256 text, readings_edition text, readings_sha256 text,
    route text, line_of_business text, line_of_business_basis text, codes jsonb, date_of_service date,
    decision_date date, member_keyed_hash text, coverage_information jsonb);
  insert into crd_audit.hook_call (hook, hook_instance, status, request, response)
  select y.hook, y.hook_instance, y.status, y.request, y.response
  from jsonb_to_recordset(audit) as y(hook text, hook_instance text, status integer, request jsonb,
    response jsonb);
end
$record$;
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

/**
 * Group commit: calls arriving while a batch is being written wait and go
 * together in the next one (one statement, one commit). An idle store writes
 * a lone call at once, so batching adds no latency; under load it turns many
 * commits into one. Up to `parallel` batches are written at once (a server's
 * connection pool: one batch's commit waits on the disk while the next is
 * sent). Each caller's promise settles when its own batch is durable.
 */
class Batcher<T, R> {
  private queue: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private running = 0;
  constructor(
    private readonly write: (items: T[]) => Promise<R[]>,
    private readonly parallel = 1,
    private readonly max = 256,
  ) {}
  push(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.running < this.parallel) void this.drain();
    });
  }
  private async drain() {
    this.running++;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.max);
      try {
        const out = await this.write(batch.map((b) => b.item));
        for (const [i, b] of batch.entries()) b.resolve(out[i] as R);
      } catch (e) {
        for (const b of batch) b.reject(e);
      }
    }
    this.running--;
  }
}

/**
 * One statement stores a batch of assertions, audit entries and token ids (atomic as a
 * whole): a call of `crd_record` (in SCHEMA), whose inserts PL/pgSQL plans once per
 * connection. Sent as the three-insert statement itself, PostgreSQL parsed and planned
 * it on every batch, which in PGlite cost about as much as a batch of 8 records.
 */
const RECORD = 'select crd_record($1::jsonb, $2::jsonb, $3::jsonb)';
/**
 * The same call with its three arguments written into the statement as dollar-quoted
 * constants, sent as one simple query (PGlite). PGlite runs a query with parameters as
 * six protocol messages (parse, describe, bind, describe, execute, sync) and encodes every
 * parameter in JavaScript; the simple query is one message. In PGlite this cut its CPU per
 * stored call by about 30% (docs/performance.md). The text is ours (JSON.stringify output),
 * and a dollar-quoted constant has no escapes, so nothing in it can end the constant early.
 */
const recordInline = (assertions: string, audit: string, jtis: string) =>
  `select crd_record(${dollarQuoted(assertions)}::jsonb, ${dollarQuoted(audit)}::jsonb, ${dollarQuoted(jtis)}::jsonb)`;

const JTI = `insert into crd_jti (issuer, jti, expires_at)
  select issuer, jti, to_timestamp(exp) from jsonb_to_recordset($1::jsonb) as x(issuer text, jti text, exp double precision)
  on conflict do nothing returning issuer, jti`;

const SELECT = `select id, hook, hook_instance, order_ref, policy, revision_id, revision_sha256,
  readings_edition, readings_sha256, route, line_of_business, line_of_business_basis, codes,
  to_char(date_of_service, 'YYYY-MM-DD') as date_of_service,
  to_char(decision_date, 'YYYY-MM-DD') as decision_date, member_keyed_hash, coverage_information
  from crd_assertion where id = $1`;

const toRow = (a: StoredAssertion) => ({
  id: a.id,
  hook: a.hook,
  hook_instance: a.hookInstance,
  order_ref: a.order,
  policy: a.policy,
  revision_id: a.revisionId,
  revision_sha256: a.revisionSha256,
  readings_edition: a.readingsEdition,
  readings_sha256: a.readingsSha256,
  route: a.route,
  line_of_business: a.lineOfBusiness,
  line_of_business_basis: a.lineOfBusinessBasis,
  codes: a.codes,
  date_of_service: a.dateOfService,
  decision_date: a.decisionDate,
  member_keyed_hash: a.memberKeyedHash,
  coverage_information: a.coverageInformation,
});

type RecordItem = { assertions: readonly StoredAssertion[]; audit: AuditEntry };
type JtiItem = { issuer: string; jti: string; exp: number };

/**
 * `memoryJti`: a store only this process writes (PGlite) checks token ids in
 * memory (loaded from the table at start) and writes them with the next batch
 * of assertions, or within 50 ms; a shared server checks them in the table, so
 * a replay is refused by every process. `inlineRecord`: each batch is one simple
 * query with its data written in (`recordInline`; PGlite), else a query with
 * parameters (a server: node-postgres sends them in one round trip anyway).
 */
interface StoreMode {
  memoryJti: boolean;
  inlineRecord: boolean;
  parallel?: number;
}

const storeOver = async (
  sql: Sql,
  { memoryJti, inlineRecord, parallel = 1 }: StoreMode,
): Promise<AssertionStore> => {
  await sql.exec(SCHEMA);
  const seen = new Map<string, number>();
  let pending: JtiItem[] = [];
  let flushTimer: NodeJS.Timeout | undefined;
  if (memoryJti) {
    const { rows } = await sql.query<{ issuer: string; jti: string; exp: number | string }>(
      "select issuer, jti, extract(epoch from expires_at)::float8 as exp from crd_jti where expires_at > now() - interval '1 hour'",
    );
    for (const r of rows) seen.set(`${r.issuer} ${r.jti}`, Number(r.exp));
  }
  const takePending = () => {
    const out = pending;
    pending = [];
    return out;
  };
  const records = new Batcher<RecordItem, void>(async (items) => {
    const rows = items.flatMap((i) => i.assertions.map(toRow));
    // Written out by hand so that a response already serialised is not serialised again.
    const audit = `[${items
      .map(
        ({ audit: a }) =>
          `{"hook":${JSON.stringify(a.hook)},"hook_instance":${JSON.stringify(a.hookInstance)},"status":${JSON.stringify(a.status)},"request":${jsonOf(a.request)},"response":${jsonOf(a.response)}}`,
      )
      .join(',')}]`;
    const assertions = JSON.stringify(rows);
    const jtis = JSON.stringify(takePending());
    if (inlineRecord) {
      const text = recordInline(assertions, audit, jtis);
      await (sql.execSimple ? sql.execSimple(text) : sql.exec(text));
    } else await sql.query(RECORD, [assertions, audit, jtis]);
    return items.map(() => undefined);
  }, parallel);
  const flushPending = async () => {
    flushTimer = undefined;
    const items = takePending();
    if (items.length > 0) await sql.query(JTI, [JSON.stringify(items)]);
  };
  const jtis = new Batcher<JtiItem, boolean>(async (items) => {
    const { rows } = await sql.query<{ issuer: string; jti: string }>(JTI, [JSON.stringify(items)]);
    const fresh = new Set(rows.map((r) => `${r.issuer} ${r.jti}`));
    // A token id twice in one batch: only its first use is fresh.
    return items.map((i) => fresh.delete(`${i.issuer} ${i.jti}`));
  }, parallel);
  let calls = 0;
  return {
    record: (assertions, audit) => records.push({ assertions, audit }),
    async get(id) {
      const { rows } = await sql.query<Row>(SELECT, [id]);
      return rows[0] ? fromRow(rows[0]) : null;
    },
    async rememberJti(issuer, jti, exp) {
      if (memoryJti) {
        const key = `${issuer} ${jti}`;
        if (seen.has(key)) return false;
        seen.set(key, exp);
        pending.push({ issuer, jti, exp });
        flushTimer ??= setTimeout(() => void flushPending().catch(() => undefined), 50);
        if (++calls % 1000 === 0) {
          const cutoff = Date.now() / 1000 - 3600;
          for (const [k, e] of seen) if (e < cutoff) seen.delete(k);
        }
        return true;
      }
      const fresh = await jtis.push({ issuer, jti, exp });
      // Forget token ids long expired, now and then.
      if (++calls % 1000 === 0) {
        await sql.query("delete from crd_jti where expires_at < now() - interval '1 hour'");
      }
      return fresh;
    },
    async ping() {
      await sql.query('select 1');
    },
    async close() {
      if (flushTimer) clearTimeout(flushTimer);
      await flushPending();
      await sql.close();
    },
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

/**
 * Embedded PostgreSQL (PGlite), files under `dir`, on a worker thread of its
 * own (`internal/pglite-thread.ts`): the main thread answers hook calls while
 * the previous batch is written.
 */
export const openPgliteStore = async (dir: string): Promise<AssertionStore> => {
  mkdirSync(dir, { recursive: true });
  return storeOver(await openPgliteThread(join(dir)), { memoryJti: true, inlineRecord: true });
};

/** A PostgreSQL server (node-postgres pool). */
export const openPostgresStore = async (url: string): Promise<AssertionStore> => {
  const pg = await import('pg');
  const pool = new pg.default.Pool({ connectionString: url, max: 8 });
  const sql: Sql = {
    query: async (text, params) => pool.query(text, params as unknown[]) as never,
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
  // Four batches in flight (of the pool's eight connections): commits overlap.
  return storeOver(sql, { memoryJti: false, inlineRecord: false, parallel: 4 });
};

/** PostgreSQL at `databaseUrl` when given, else PGlite under `dataDir/pglite`. */
export const openStore = (opts: { dataDir: string; databaseUrl?: string | undefined }) =>
  opts.databaseUrl
    ? openPostgresStore(opts.databaseUrl)
    : openPgliteStore(join(opts.dataDir, 'pglite'));
