/**
 * The rebuilt internals answer exactly what the plain path answers: the fast
 * request check equals zod (acceptance and output), the decision table equals
 * the matches called directly, an outcome equals the determination's fields.
 */

import { readFileSync } from 'node:fs';
import { fixturePolicyWith, fixturePolicy as widget } from '@criteria/fixture-policy';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { emitFastParse } from '../scripts/emit-fast-parse.js';
import { requestCheckPath, requestCheckSource } from '../scripts/request-check.js';
import { checkRequest, evaluate, safeEvaluate } from './evaluate.js';
import { decide } from './internal/decide.js';
import { parseRequest } from './internal/parse-request.js';
import { compilePlan, routeKeyId } from './internal/plan.js';
import { fastParseRequest, UNSURE } from './internal/request-check.generated.js';
import { safeEvaluateOutcome, safeEvaluateOutcomes } from './outcome.js';

const runs = Number(process.env.FC_NUM_RUNS ?? 100);
const date = fc
  .tuple(
    fc.integer({ min: 2014, max: 2026 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 31 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const slug = fc.constantFrom(
  'condition-alpha',
  'condition-beta',
  'condition-gamma',
  'condition-omega',
  'Bad Slug',
);
const request = fc.record(
  {
    policy: fc.constantFrom('widget', 'widget', 'other'),
    lineOfBusiness: fc.constantFrom('medicare', 'non-medicare', 'medicaid'),
    dateOfService: date,
    requestDate: date,
    asOf: date,
    procedureCodes: fc.array(fc.constantFrom('10001', '10002', '10003', '99999', '1234'), {
      maxLength: 3,
    }),
    indication: slug,
    diagnoses: fc.array(fc.constantFrom('A01.1', 'A02', 'B10.5', 'Z99', 'U07.1'), { maxLength: 3 }),
    technique: fc.constantFrom('apbi', 'other', 'unknown', 'x'),
    mediastinalInvolvement: fc.oneof(fc.boolean(), fc.constant('yes')),
    documentation: fc.array(
      fc.record(
        {
          kind: fc.constantFrom('clinical-notes', 'imaging-report'),
          specialty: fc.constantFrom('specialty-a', 'specialty-b', 'radiology'),
          date,
        },
        { requiredKeys: ['kind', 'specialty'] },
      ),
      { maxLength: 3 },
    ),
    requestId: fc.string({ maxLength: 3 }),
    member: fc.oneof(fc.dictionary(fc.string({ maxLength: 3 }), fc.anything()), fc.anything()),
    extra: fc.anything(),
  },
  { requiredKeys: ['policy', 'lineOfBusiness', 'dateOfService', 'procedureCodes'] },
);
/** A request the schema accepts: the generator above rarely makes one (any stray key or value refuses it). */
const VALID = {
  policy: 'widget',
  lineOfBusiness: 'non-medicare',
  dateOfService: '2022-10-01',
  procedureCodes: ['10002'],
  indication: 'condition-beta',
};
const valid = fc.record(
  {
    policy: fc.constant('widget'),
    lineOfBusiness: fc.constantFrom('medicare', 'non-medicare'),
    dateOfService: fc
      .tuple(
        fc.integer({ min: 2014, max: 2026 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
      )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    procedureCodes: fc.array(fc.constantFrom('10001', '10002', '10003'), {
      minLength: 1,
      maxLength: 3,
    }),
    indication: fc.constantFrom('condition-alpha', 'condition-beta', 'condition-gamma'),
  },
  { requiredKeys: ['policy', 'lineOfBusiness', 'dateOfService', 'procedureCodes', 'indication'] },
);
const input = fc.oneof(
  { weight: 8, arbitrary: request },
  { weight: 4, arbitrary: valid },
  { weight: 1, arbitrary: fc.anything() },
);

describe('the fast request check', () => {
  it('is generated from the request schema as it is now (pnpm generate:request-check)', () => {
    expect(readFileSync(requestCheckPath, 'utf8')).toBe(requestCheckSource());
  }, 120_000);

  it('is generated for the whole schema: a construct it cannot check is an error, never a gap', () => {
    const opts = { name: 'f', header: '', checks: [] };
    expect(() => emitFastParse(z.object({ a: z.number() }).strict(), opts)).toThrow(/number/);
    expect(() => emitFastParse(z.object({ a: z.string() }), opts)).toThrow(/non-strict/);
    expect(() =>
      emitFastParse(
        z.string().refine((s) => s !== 'x'),
        opts,
      ),
    ).toThrow(/unnamed/);
  });

  it('accepts what zod accepts, and the evaluation is the same either way (property)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(input, fc.boolean(), (x, reportInput) => {
        const fast = parseRequest(x, { fast: true });
        const zod = parseRequest(x, { fast: false });
        expect(fast.success).toBe(zod.success);
        // The generated check alone: the value zod gives, or UNSURE exactly when zod refuses.
        const generated = fastParseRequest(x);
        if (zod.success) expect(generated).toEqual(zod.data);
        else expect(generated).toBe(UNSURE);
        if (fast.success) accepted += 1;
        const a = checkRequest(widget, x, { reportInput }, { fast: true, table: true });
        const b = checkRequest(widget, x, { reportInput }, { fast: false, table: true });
        expect(a.ok).toBe(b.ok);
        if (!a.ok || !b.ok) {
          expect(a).toEqual(b);
          return;
        }
        const d1 = decide(widget, a.value.request, {}, a.value.edition);
        const d2 = decide(widget, b.value.request, {}, b.value.edition);
        expect(JSON.stringify(d1)).toBe(JSON.stringify(d2));
      }),
      // The known-valid request first, so the accepting side is always compared.
      { numRuns: runs * 5, examples: [[VALID, false]] },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it('answers a symbol key as zod does: ignored on the request and a document, refused in member', () => {
    const tag = Symbol('tag');
    const doc = { kind: 'clinical-notes', specialty: 'specialty-a', date: '2022-09-01', [tag]: 1 };
    const x = { ...VALID, documentation: [doc], [tag]: 'x' };
    const fast = parseRequest(x, { fast: true });
    const zod = parseRequest(x, { fast: false });
    expect(fast.success).toBe(true);
    expect(zod.success).toBe(true);
    // Equal on every string key (zod's value drops the symbol; the fast check keeps the input).
    expect(JSON.stringify(fast.data)).toBe(JSON.stringify(zod.data));
    expect(JSON.stringify(evaluate(widget, x))).toBe(
      JSON.stringify(evaluate(widget, { ...VALID, documentation: [{ ...doc }] })),
    );
    const member = { ...VALID, member: { id: '1', [tag]: 2 } };
    expect(fastParseRequest(member)).toBe(UNSURE);
    expect(parseRequest(member, { fast: false }).success).toBe(false);
    expect(parseRequest(member).success).toBe(false);
  });

  it('reads the keys in any order, and fills a default whether the key is absent or undefined, as zod does', () => {
    const reversed = Object.fromEntries(Object.entries(VALID).reverse());
    const withUndefined = { ...VALID, documentation: undefined, technique: undefined };
    const bare = Object.assign(Object.create(null), VALID);
    for (const x of [reversed, withUndefined, bare]) {
      const zod = parseRequest(x, { fast: false });
      expect(zod.success).toBe(true);
      expect(fastParseRequest(x)).toEqual(zod.data);
      expect(fastParseRequest(x)).toMatchObject({ documentation: [] });
    }
    // An invalid value under a key read before or after the others is refused either way.
    expect(fastParseRequest({ technique: 'x', ...VALID })).toBe(UNSURE);
    expect(fastParseRequest({ ...VALID, technique: 'x' })).toBe(UNSURE);
  });

  it('refuses an impossible calendar date and a request with neither indication nor diagnoses', () => {
    const ok = VALID;
    expect(parseRequest(ok).success).toBe(true);
    expect(parseRequest({ ...ok, dateOfService: '2022-02-29' }).success).toBe(false);
    expect(parseRequest({ ...ok, indication: undefined }).success).toBe(false);
  });
});

describe('the decision table', () => {
  it('gives exactly the determination the matches give called directly (property)', () => {
    fc.assert(
      fc.property(input, fc.constantFrom(undefined, '2021-05-01', '2022-03-02'), (x, revision) => {
        const c = checkRequest(widget, x, { revision }, { fast: false, table: true });
        if (!c.ok) return;
        const viaTable = decide(widget, c.value.request, { revision }, c.value.edition);
        const direct = decide(widget, c.value.request, { revision }, c.value.edition, {
          table: false,
        });
        expect(JSON.stringify(viaTable)).toBe(JSON.stringify(direct));
      }),
      { numRuns: runs * 5 },
    );
  });

  it("shares only frozen parts: a caller cannot change another request's answer", () => {
    const r = {
      policy: 'widget',
      lineOfBusiness: 'non-medicare',
      dateOfService: '2022-10-01',
      procedureCodes: ['10002'],
      indication: 'condition-beta',
    };
    const a = evaluate(widget, r);
    const before = JSON.stringify(a);
    expect(Object.isFrozen(a.indications)).toBe(true);
    expect(() => (a.criteria as unknown[]).push(1)).toThrow();
    // The revision and readings refs and the shared trace steps are frozen too.
    expect(Object.isFrozen(a.revision)).toBe(true);
    expect(Object.isFrozen(a.readings)).toBe(true);
    expect(() => {
      (a.revision as { id: string }).id = 'changed';
    }).toThrow();
    for (const step of a.trace.filter(Object.isFrozen))
      expect(() => {
        step.detail = 'changed';
      }).toThrow();
    // What is the request's own is fresh: changing it changes no other determination.
    a.trace.push({ rule: 'x', detail: 'y' });
    a.reasons.length = 0;
    a.codes.inScope.push('99999');
    a.documentation.missing.push('x');
    const b = evaluate(widget, r);
    expect(JSON.stringify(b)).toBe(before);
    expect(b.trace).not.toBe(a.trace);
    expect(b.documentation.missing).not.toBe(a.documentation.missing);
  });
});

describe('the route table', () => {
  it('keeps each key once and, past 4,096 keys, decides the rest directly, the same way', () => {
    const revision = widget.revisions.at(-1);
    if (revision === undefined) throw new Error('the fixture has no revision');
    const edition = widget.readings.at(-1) ?? null;
    const table = compilePlan(revision, edition);
    const direct = compilePlan(revision, edition, false);
    const key = (i: number, items: (string | null)[] = [`condition-x${i}`]) => ({
      lineOfBusiness: i % 2 === 0 ? ('medicare' as const) : ('non-medicare' as const),
      inScope: i % 3 !== 0,
      technique: 'unknown' as const,
      items,
    });
    const first = table.route(key(1));
    expect(table.route(key(1))).toBe(first);
    // Keys that differ only past a shared prefix, and a null item, are told apart.
    expect(JSON.stringify(table.route(key(2, ['condition-alpha', null])))).toBe(
      JSON.stringify(direct.route(key(2, ['condition-alpha', null]))),
    );
    expect(JSON.stringify(table.route(key(2, ['condition-alpha'])))).toBe(
      JSON.stringify(direct.route(key(2, ['condition-alpha']))),
    );
    for (let i = 0; i < 5000; i++)
      expect(JSON.stringify(table.route(key(i)))).toBe(JSON.stringify(direct.route(key(i))));
    // A key seen past the cap is decided again each time (equal, not kept).
    const late = table.route(key(4999));
    expect(table.route(key(4999))).not.toBe(late);
    expect(table.route(key(4999))).toEqual(late);
  });
});

describe('the route by key number', () => {
  it("gives each revision's table entry, numbered once for every revision; past the cap, the same decision", () => {
    const edition = widget.readings.at(-1) ?? null;
    const plans = widget.revisions.map(
      (r) => [compilePlan(r, edition), compilePlan(r, edition, false)] as const,
    );
    const items = (i: number): (string | null)[] =>
      i % 5 === 0 ? ['condition-alpha', null] : i % 5 === 1 ? [] : [`condition-y${i}`];
    for (let i = 0; i < 10_000; i++) {
      const line = i % 2 === 0 ? ('medicare' as const) : ('non-medicare' as const);
      const technique = i % 3 === 0 ? ('apbi' as const) : ('unknown' as const);
      const id = routeKeyId(line, technique, items(i));
      expect(routeKeyId(line, technique, [...items(i)])).toBe(id);
      for (const [table, direct] of plans) {
        const inScope = i % 7 !== 0;
        const byId = table.routeById(id, line, inScope, items(i), technique);
        const key = { lineOfBusiness: line, inScope, items: items(i), technique };
        expect(JSON.stringify(byId)).toBe(JSON.stringify(direct.route(key)));
        // Kept by number: the same (frozen) entry again.
        if (id >= 0) expect(table.routeById(id, line, inScope, items(i), technique)).toBe(byId);
      }
    }
    // Some 6,000 keys: numbering stopped at the cap, and the rest were decided without a number.
    expect(routeKeyId('medicare', 'other', ['condition-never-seen'])).toBe(-1);
  });
});

describe('outcomes', () => {
  it('equal the corresponding fields of the determination (property)', () => {
    fc.assert(
      fc.property(input, fc.constantFrom(undefined, '2021-05-01', '2022-03-02'), (x, revision) => {
        const d = safeEvaluate(widget, x, { revision });
        const o = safeEvaluateOutcome(widget, x, { revision });
        expect(o.ok).toBe(d.ok);
        if (!d.ok || !o.ok) {
          expect(o).toEqual(d);
          return;
        }
        const { ignored: _i, ...documentation } = d.value.documentation;
        const i = d.value.indication;
        expect(o.value).toEqual({
          revision: d.value.revision?.id ?? null,
          route: d.value.route,
          indication: i && {
            id: i.id,
            named: i.named,
            namedIn: i.namedIn,
            label: i.label,
            route: i.route,
            reading: i.reading,
          },
          criteria: d.value.criteria,
          documentation,
        });
      }),
      { numRuns: runs * 5 },
    );
  });

  it("under several revisions, validated once, equal each revision's outcome; an unknown id is named", () => {
    const ids = ['2021-05-01', '2022-03-02'];
    fc.assert(
      fc.property(input, (x) => {
        const several = safeEvaluateOutcomes(widget, x, ids);
        const each = ids.map((revision) => safeEvaluateOutcome(widget, x, { revision }));
        if (!several.ok) {
          expect(several).toEqual(each[0]);
          return;
        }
        expect(several.value).toEqual(each.map((o) => (o.ok ? o.value : o)));
      }),
      { numRuns: runs * 5, examples: [[VALID]] },
    );
    const unknown = safeEvaluateOutcomes(widget, VALID, ['2021-05-01', '1999-01-01']);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) {
      expect(unknown.issues[0]?.path).toBe('options.revision');
      expect(unknown.issues[0]?.message).toContain('1999-01-01');
    }
  });
});

describe('documentation window when look-backs differ', () => {
  // Specialty A's notes count for 12 months, specialty B's (the last requirement) for 3.
  const policy = fixturePolicyWith((p) => {
    for (const r of p.revisions)
      r.documentation = r.documentation.map((d) => ({
        ...d,
        lookbackMonths: d.specialty === 'specialty-a' ? 12 : 3,
      }));
  });
  const req = (docs: { specialty: string; date: string }[]) => ({
    policy: 'widget',
    lineOfBusiness: 'non-medicare',
    dateOfService: '2022-10-01',
    procedureCodes: ['10002'],
    indication: 'condition-beta',
    documentation: docs.map((d) => ({ kind: 'clinical-notes', ...d })),
  });

  it('is the span any requirement reads: from the earliest start through the reference date', () => {
    const d = evaluate(policy, req([{ specialty: 'specialty-a', date: '2022-01-15' }]));
    // Specialty A's note of 2022-01-15 counts (12 months): the window must include it.
    expect(d.documentation.missing).toEqual(['notes-b']);
    expect(d.documentation.window).toEqual({ from: '2021-10-01', through: '2022-10-01' });
    const from = d.documentation.window?.from ?? '';
    expect(from <= '2022-01-15').toBe(true);
  });

  it('says which requirement a note inside the span is too old for', () => {
    const d = evaluate(policy, req([{ specialty: 'specialty-b', date: '2022-05-01' }]));
    expect(d.documentation.ignored).toEqual([
      {
        index: 0,
        kind: 'clinical-notes',
        specialty: 'specialty-b',
        date: '2022-05-01',
        why: 'dated before the window of notes-b (2022-07-01 to 2022-10-01)',
      },
    ]);
  });
});
