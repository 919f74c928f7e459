import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * PGlite (PostgreSQL compiled to WebAssembly) on a worker thread of its own.
 * PGlite runs its queries synchronously on the thread that owns it; on the
 * main thread every insert would stop the event loop (a hook call's assertion
 * and audit entry cost about as much CPU as answering it). Here the main
 * thread only posts the statement and its parameters and awaits the reply,
 * which the worker sends once PostgreSQL has committed.
 *
 * The worker's code is evaluated from this string (CommonJS), so it runs the
 * same from the sources (tsx, vitest) and from `dist/`; it loads PGlite's
 * CommonJS build from the path resolved here.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.pglite);
let db;
const fail = (id, e) => parentPort.postMessage({ id, error: { message: String(e && e.message || e), code: e && e.code } });
parentPort.on('message', async (m) => {
  try {
    if (m.op === 'open') { db = await PGlite.create(m.dir); parentPort.postMessage({ id: m.id }); }
    else if (m.op === 'query') { const r = await db.query(m.text, m.params); parentPort.postMessage({ id: m.id, rows: r.rows }); }
    else if (m.op === 'exec') { await db.exec(m.text); parentPort.postMessage({ id: m.id }); }
    else if (m.op === 'simple') { await db.runExclusive(() => db.execProtocol(m.message)); parentPort.postMessage({ id: m.id }); }
    else if (m.op === 'close') { if (db) await db.close(); db = undefined; parentPort.postMessage({ id: m.id }); }
  } catch (e) { fail(m.id, e); }
});
`;

export class PgliteThreadError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface PgliteThread {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(text: string): Promise<void>;
  /**
   * One simple query whose rows are not wanted (e.g. a batch of inserts), sent as a
   * single protocol message built here: its bytes are moved to PGlite's thread, not
   * copied, and PGlite neither encodes the text again nor adds a second round trip
   * (its `exec` sends the query, then a sync). Fails as `exec` does on an error.
   */
  execSimple(text: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens PGlite with its files under `dir` on a new worker thread. */
export const openPgliteThread = async (dir: string): Promise<PgliteThread> => {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { pglite: createRequire(import.meta.url).resolve('@electric-sql/pglite') },
  });
  const pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  let next = 0;
  let dead: Error | undefined;
  const failAll = (e: Error) => {
    dead ??= e;
    for (const p of pending.values()) p.fail(e);
    pending.clear();
  };
  worker.on(
    'message',
    (m: { id: number; rows?: unknown[]; error?: { message: string; code?: string } }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.error) p.fail(new PgliteThreadError(m.error.message, m.error.code));
      else p.ok(m.rows);
    },
  );
  worker.on('error', (e) => failAll(e));
  worker.on('exit', (code) => failAll(new Error(`the PGlite thread exited (${code})`)));
  const call = (msg: Record<string, unknown>, transfer?: ArrayBuffer[]) =>
    new Promise<unknown>((ok, fail) => {
      if (dead) return fail(dead);
      const id = next++;
      pending.set(id, { ok, fail });
      worker.postMessage({ ...msg, id }, transfer);
    });
  try {
    await call({ op: 'open', dir });
  } catch (e) {
    await worker.terminate();
    throw e;
  }
  return {
    query: async <T>(text: string, params?: unknown[]) => ({
      rows: (await call({ op: 'query', text, params })) as T[],
    }),
    exec: async (text) => {
      await call({ op: 'exec', text });
    },
    execSimple: async (text) => {
      const message = simpleQueryMessage(text);
      await call({ op: 'simple', message }, [message.buffer as ArrayBuffer]);
    },
    close: async () => {
      try {
        await call({ op: 'close' });
      } finally {
        await worker.terminate();
      }
    },
  };
};

/**
 * A PostgreSQL simple Query message (`Q`, int32 length, the text in UTF-8, a NUL) in
 * an ArrayBuffer of its own (transferable; never Node's shared Buffer pool). The text
 * must hold no NUL character (PostgreSQL refuses one in a query anyway; JSON text
 * escapes it).
 */
export const simpleQueryMessage = (text: string): Uint8Array => {
  if (text.includes('\0')) throw new Error('a query text cannot hold a NUL character');
  const n = Buffer.byteLength(text, 'utf8');
  const message = new Uint8Array(6 + n);
  message[0] = 0x51;
  new DataView(message.buffer).setInt32(1, 5 + n);
  Buffer.from(message.buffer, 5, n).write(text, 'utf8');
  return message;
};
