import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { imrt, sourceDocumentPath } from './index.js';

const text = readFileSync(sourceDocumentPath, 'utf8');
const lines = text.split('\n');

type Cite = { line: number; quote: string; at: string };
const collect = (value: unknown, at: string, out: Cite[]): Cite[] => {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) collect(v, `${at}.${i}`, out);
  } else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.line === 'number' && typeof o.quote === 'string')
      out.push({ line: o.line, quote: o.quote, at });
    else for (const [k, v] of Object.entries(o)) collect(v, `${at}.${k}`, out);
  }
  return out;
};

const cites = collect(imrt, 'imrt', []);

describe('source citations', () => {
  it('there are citations in every revision', () => {
    for (const r of imrt.revisions) expect(collect(r, r.id, []).length).toBeGreaterThan(10);
  });

  it.each(cites.map((c) => [c.at, c] as const))('%s points at a line that says it', (_, c) => {
    expect(c.line).toBeLessThanOrEqual(lines.length);
    expect(lines[c.line - 1]).toContain(c.quote);
  });

  it('every review date of the record is on the review line', () => {
    const reviewLine = lines[136] as string;
    for (const d of imrt.record.reviewedOn) {
      const [y, m, day] = d.split('-');
      expect(reviewLine).toContain(`${m}/${day}/${y} ^{MPC}`);
    }
    expect(reviewLine.match(/\^\{MPC\}/g)?.length).toBe(imrt.record.reviewedOn.length);
  });

  it('every revision of the revision table has a module, and only those', () => {
    const table = lines
      .slice(143)
      .map((l) => /^(\d{2})\/(\d{2})\/(\d{4})\t/.exec(l))
      .filter((m) => m !== null)
      .map((m) => `${m[3]}-${m[1]}-${m[2]}`);
    expect(imrt.revisions.map((r) => r.id)).toEqual(table);
  });

  it('the packaged copy of the source equals the shared one when present', () => {
    const shared = fileURLToPath(
      new URL('../../../../shared/source/imrt-clinical-review-criteria.txt', import.meta.url),
    );
    if (!existsSync(shared)) return;
    expect(readFileSync(shared, 'utf8')).toBe(text);
  });
});

describe('loaded policy', () => {
  it('is frozen and each revision carries a distinct sha256', () => {
    expect(Object.isFrozen(imrt)).toBe(true);
    expect(Object.isFrozen(imrt.revisions[0]?.codes[0])).toBe(true);
    const hashes = imrt.revisions.map((r) => r.sha256);
    for (const h of hashes) expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('no fact is a licensed descriptor or MCG content', () => {
    expect(text).toContain(
      'Intensity modulated radiotherapy plan, including dose-volume histograms',
    );
    expect(JSON.stringify(imrt)).not.toContain('dose-volume histograms');
  });
});
