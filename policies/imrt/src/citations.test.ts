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

/** Lines whose descriptor text this copy redacts (CPT descriptors are AMA-licensed): code kept, text replaced. */
const REDACTED =
  /^(\d{5})\t\[descriptor redacted: CPT descriptors are AMA-licensed and are not stored in this repository\]$/;
const sharedPath = fileURLToPath(
  new URL('../../../../shared/source/imrt-clinical-review-criteria.txt', import.meta.url),
);

describe('source citations', () => {
  it('there are citations in every revision and in every readings edition', () => {
    for (const r of imrt.revisions) expect(collect(r, r.id, []).length).toBeGreaterThan(10);
    for (const e of imrt.readings) expect(collect(e, e.edition, []).length).toBeGreaterThan(20);
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

  it('the packaged copy of the source equals the shared one when present, except the redacted CPT descriptors', () => {
    if (!existsSync(sharedPath)) return;
    const shared = readFileSync(sharedPath, 'utf8').split('\n');
    expect(lines.length).toBe(shared.length);
    const redacted: number[] = [];
    for (const [i, line] of lines.entries()) {
      const m = REDACTED.exec(line);
      if (m) {
        redacted.push(i + 1);
        // Same line, same code: only the descriptor text differs.
        expect(shared[i]?.startsWith(`${m[1]}\t`)).toBe(true);
      } else expect({ line: i + 1, text: line }).toEqual({ line: i + 1, text: shared[i] });
    }
    expect(redacted).toEqual([119, 120, 121, 122, 123]);
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

  it('no fact is a licensed descriptor: the copy redacts them, and no label repeats the shared text', () => {
    for (const n of [119, 120, 121, 122, 123]) expect(lines[n - 1]).toMatch(REDACTED);
    if (!existsSync(sharedPath)) return;
    const shared = readFileSync(sharedPath, 'utf8').split('\n');
    const json = JSON.stringify(imrt);
    for (const n of [119, 120, 121, 122, 123]) {
      const descriptor = shared[n - 1]?.split('\t')[1] ?? '';
      expect(descriptor.length).toBeGreaterThan(20);
      expect(json).not.toContain(descriptor.slice(0, 30));
    }
  });
});
