/**
 * PGlite on its own thread (src/internal/pglite-thread.ts): `execSimple` sends one
 * simple Query message built on the calling thread and moved, not copied, to PGlite's.
 * What it writes is what `exec` would write, an error fails the call as `exec` does,
 * and the thread goes on answering afterwards.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openPgliteThread,
  type PgliteThread,
  PgliteThreadError,
  simpleQueryMessage,
} from '../src/internal/pglite-thread.js';
import { dollarQuoted } from '../src/internal/sql-literal.js';
import { pgliteDir } from './support.js';

const runs = Number(process.env.FC_NUM_RUNS ?? 100);

describe('simpleQueryMessage', () => {
  it('is Q, the length (itself, the UTF-8 text and the NUL), the text, a NUL', () => {
    const m = simpleQueryMessage("select 'é…'");
    const text = Buffer.from("select 'é…'", 'utf8');
    expect(m[0]).toBe(0x51);
    expect(new DataView(m.buffer).getInt32(1)).toBe(4 + text.length + 1);
    expect(Buffer.from(m.subarray(5, 5 + text.length)).equals(text)).toBe(true);
    expect(m[m.length - 1]).toBe(0);
    expect(m.length).toBe(1 + 4 + text.length + 1);
    // Its own buffer, whole: safe to transfer.
    expect(m.byteOffset).toBe(0);
    expect(m.buffer.byteLength).toBe(m.length);
  });

  it('refuses a NUL in the text', () => {
    expect(() => simpleQueryMessage('select 1\0')).toThrow(/NUL/);
  });
});

describe('execSimple', () => {
  let db: PgliteThread;
  beforeAll(async () => {
    db = await openPgliteThread(await pgliteDir());
    await db.exec('create table t (id serial primary key, v text not null)');
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  it('writes any text (multi-byte included) as it is', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 200 }), async (s) => {
        fc.pre(!s.includes('\0'));
        await db.execSimple(`insert into t (v) values (${dollarQuoted(s)})`);
        const { rows } = await db.query<{ v: string }>('select v from t order by id desc limit 1');
        expect(rows[0]?.v).toBe(s);
      }),
      { numRuns: runs },
    );
  }, 120_000);

  it('fails on an SQL error, with its code, and the thread answers afterwards', async () => {
    const err = await db.execSimple('insert into t (v) values (null)').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PgliteThreadError);
    expect((err as PgliteThreadError).code).toBe('23502');
    await db.execSimple("insert into t (v) values ('after')");
    const { rows } = await db.query<{ v: string }>('select v from t order by id desc limit 1');
    expect(rows[0]?.v).toBe('after');
  }, 120_000);
});
