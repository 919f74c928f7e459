/**
 * The PGlite store writes each batch's JSON into its statement as dollar-quoted
 * constants (src/internal/sql-literal.ts): whatever the text, PostgreSQL reads back
 * exactly it, and nothing in it ends the constant early.
 */
import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dollarQuoted } from '../src/internal/sql-literal.js';
import { pgliteDir } from './support.js';

let db: PGlite;
beforeAll(async () => {
  // A copy of the run's empty database: no initdb of its own.
  db = await PGlite.create(await pgliteDir());
}, 120_000);
afterAll(async () => {
  await db.close();
});

const roundTrip = async (text: string) =>
  (await db.query<{ t: string }>(`select ${dollarQuoted(text)} as t`)).rows[0]?.t;

describe('dollarQuoted', () => {
  it('texts made of dollar signs, tag letters, quotes and backslashes come back unchanged', async () => {
    const chars = fc.constantFrom(
      '$',
      'c',
      'r',
      'd',
      '0',
      '1',
      "'",
      '\\',
      '"',
      ';',
      ' ',
      'é',
      '\n',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(chars, { maxLength: 40 }), async (cs) => {
        const text = cs.join('');
        expect(await roundTrip(text)).toBe(text);
      }),
    );
  });

  it('a text holding the tag, or ending in the start of it, gets another tag', async () => {
    expect(dollarQuoted('plain')).toBe('$crd$plain$crd$');
    for (const text of ['$crd$', 'x$crd', '$crd$$crd0$', "$crd$'); drop table t; --"]) {
      expect(dollarQuoted(text).startsWith('$crd$')).toBe(false);
      expect(await roundTrip(text)).toBe(text);
    }
  });

  it('JSON text (what the store sends) comes back as the same jsonb value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (v) => {
        const text = JSON.stringify(v) ?? 'null';
        // jsonb holds no NUL character, however it is sent.
        if (text.includes('\\u0000')) return;
        const { rows } = await db.query<{ j: unknown }>(`select ${dollarQuoted(text)}::jsonb as j`);
        expect(JSON.stringify(rows[0]?.j)).toBe(
          JSON.stringify(
            (await db.query<{ j: unknown }>('select $1::jsonb as j', [text])).rows[0]?.j,
          ),
        );
      }),
    );
  });
});
