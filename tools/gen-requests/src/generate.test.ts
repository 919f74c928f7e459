import { createHash } from 'node:crypto';
import { evaluate, type Route } from '@criteria/evaluator';
import { RequestSchema } from '@criteria/evaluator/schemas';
import { imrt } from '@criteria/policy-imrt';
import { describe, expect, it } from 'vitest';
import { generateNdjson, generateRequests } from './generate.js';

const digest = (count: number, seed: number, chunkSize?: number) => {
  const hash = createHash('sha256');
  for (const chunk of generateNdjson({ count, seed, ...(chunkSize ? { chunkSize } : {}) }))
    hash.update(chunk);
  return hash.digest('hex');
};

describe('generateNdjson', () => {
  it('gives byte-identical output for the same seed, whatever the chunk size', () => {
    expect(digest(3000, 7)).toBe(digest(3000, 7));
    expect(digest(3000, 7, 100)).toBe(digest(3000, 7));
    expect(digest(3000, 8)).not.toBe(digest(3000, 7));
  });

  it('writes whole lines: every chunk ends with a newline, one request per line', () => {
    const chunks = [...generateNdjson({ count: 500, seed: 1, chunkSize: 1000 })];
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of chunks) expect(c.endsWith('\n')).toBe(true);
    expect(chunks.join('').split('\n')).toHaveLength(501);
  });

  it('pins the first line of seed 1 (key order included), so a change to the generator shows in review', () => {
    const [chunk] = generateNdjson({ count: 1, seed: 1 });
    expect(chunk).toMatchInlineSnapshot(`
      "{"policy":"imrt","lineOfBusiness":"non-medicare","dateOfService":"2024-06-26","requestDate":"2024-06-02","procedureCodes":["77300"],"indication":"lung-cancer","documentation":[{"kind":"clinical-notes","specialty":"oncology","date":"2023-11-19"},{"kind":"clinical-notes","specialty":"radiation-oncology","date":"2023-12-22"}],"member":{"id":"M772573643","group":"G1123"}}
      "
    `);
  });
});

describe('generateRequests', () => {
  const requests = [...generateRequests({ count: 20_000, seed: 1 })];

  it('writes only requests that validate against RequestSchema (through JSON, as a file holds them)', () => {
    const bad = requests
      .map((r, i) => ({ i, r: RequestSchema.safeParse(JSON.parse(JSON.stringify(r))) }))
      .filter(({ r }) => !r.success);
    expect(bad.slice(0, 3)).toEqual([]);
  }, 60_000);

  it('mixes every route, both lines of business, every revision that governs a date, 77418 and unmapped diagnoses', () => {
    const routes = new Map<Route, number>();
    const revisions = new Set<string | null>();
    const lines = new Set<string>();
    for (const r of requests) {
      const d = evaluate(imrt, r);
      routes.set(d.route, (routes.get(d.route) ?? 0) + 1);
      revisions.add(d.revision?.id ?? null);
      lines.add(d.lineOfBusiness);
    }
    expect([...routes.keys()].sort()).toEqual([
      'criteria-review',
      'medical-director-review',
      'no-criteria-in-effect',
      'not-applicable',
    ]);
    for (const n of routes.values()) expect(n).toBeGreaterThan(200);
    expect([...lines].sort()).toEqual(['medicare', 'non-medicare']);
    // 2015-07-07 governs only as known before 2015-09-08 (a rare asOf).
    // Every revision of the policy governs some request, and some requests find none.
    expect([...revisions].sort()).toEqual([...imrt.revisions.map((r) => r.id), null]);
    expect(requests.some((r) => r.procedureCodes.includes('77418'))).toBe(true);
    expect(requests.some((r) => r.diagnoses?.includes('C71.9'))).toBe(true);
    expect(requests.some((r) => r.technique === 'apbi')).toBe(true);
    expect(requests.some((r) => r.asOf !== undefined)).toBe(true);
    expect(requests.some((r) => r.member !== undefined && r.requestId !== undefined)).toBe(true);
  }, 60_000);
});
