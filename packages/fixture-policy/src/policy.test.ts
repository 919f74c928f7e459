import { describe, expect, it } from 'vitest';
import { fixtureInput, fixturePolicy, fixturePolicyWith, fixtureRevision, load } from './policy.js';
import { fixtureSource } from './source.js';

/** Every `{ line, quote }` in `value`, with where it is. */
function citations(value: unknown, path = ''): { path: string; line: number; quote: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => citations(v, `${path}.${i}`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record.line === 'number' && typeof record.quote === 'string')
    return [{ path, line: record.line, quote: record.quote }];
  return Object.entries(record).flatMap(([k, v]) => citations(v, path ? `${path}.${k}` : k));
}

describe('the fixture policy', () => {
  const lines = fixtureSource.split('\n');

  it('cites its own source truly: each quote is on the line it names', () => {
    const cites = citations(fixtureInput());
    expect(cites.length).toBeGreaterThan(30);
    const untrue = cites.filter((c) => !(lines[c.line - 1] ?? '').includes(c.quote));
    expect(untrue).toEqual([]);
  });

  it('has the shapes the engine tests need', () => {
    const [first, , , last] = fixturePolicy.revisions;
    expect(fixturePolicy.revisions.map((r) => r.id)).toEqual([
      '2020-01-07',
      '2020-02-04',
      '2021-05-01',
      '2022-03-02',
    ]);
    expect(first?.codes.find((c) => c.deleted)?.code).toBe('10003');
    expect(last?.notice).toMatchObject({ required: true, periodDays: 60, basis: 'stated' });
    expect(last && last.effectiveOn > last.approvedOn).toBe(true);
    expect(last?.criteria.medicare.sources.find((s) => s.retirement)?.id).toBe('A00002');
    // Routes are readings: the edition gives both review routes, one derived from a later row.
    const edition = fixturePolicy.readings.at(-1);
    const routes = new Set(
      edition?.readings.flatMap((r) =>
        r.decides.kind === 'indication-route' || r.decides.kind === 'default-route'
          ? [r.decides.route]
          : [],
      ),
    );
    expect(routes).toEqual(new Set(['criteria-review', 'medical-director-review']));
    expect(edition?.readings.some((r) => r.derivedFrom)).toBe(true);
    expect(last?.documentation.length).toBe(2);
    expect(edition?.diagnosisMap.rows.length).toBeGreaterThan(0);
  });

  it('hands out fresh copies: editing one leaves the fixture as it was', () => {
    const copy = fixtureInput();
    copy.revisions[0] = { ...fixtureRevision(), summary: 'edited' };
    expect(fixtureInput().revisions[0]?.summary).toBe('Widget therapy criteria');
    // Revisions share no objects: editing one revision's code leaves the others' as they were.
    const codeCopy = fixtureInput();
    const [first, second] = codeCopy.revisions;
    if (first?.codes[0]) first.codes[0].label = 'edited';
    expect(second?.codes[0]?.label).toBe('Widget plan');
    const edited = fixturePolicyWith((p) => {
      p.title = 'Edited';
    });
    expect(edited.title).toBe('Edited');
    expect(fixturePolicy.title).toBe('Widget Therapy');
  });

  it('builds a revision with overrides, and loads it as definePolicy does', () => {
    const r = load(fixtureRevision({ summary: 'Changed' }, '2022-03-02'));
    expect(r.id).toBe('2022-03-02');
    expect(r.summary).toBe('Changed');
    expect(load(fixtureRevision()).sha256).toBe(fixturePolicy.revisions[0]?.sha256);
    expect(() => fixtureRevision({}, '1999-01-01')).toThrow('fixture revision `1999-01-01`');
  });
});
