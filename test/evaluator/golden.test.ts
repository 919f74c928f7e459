/**
 * Determinations stay byte-identical across the evaluator's rebuild (issue 15):
 * the golden holds the sha256 of every result of a seeded corpus (valid
 * requests under the dates and forced revisions, and mutated invalid ones),
 * recorded before the rebuild, and a sample in full. It is a plain committed
 * file, written once: a difference is a change of behaviour, never a reason
 * to rewrite it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COUNT, corpusDigest, SEED } from './golden-corpus.js';

const golden = JSON.parse(
  readFileSync(new URL('./golden/determinations.json', import.meta.url), 'utf8'),
) as { seed: number; count: number; lines: number; sha256: string; sample: unknown[] };

describe('determinations of a seeded corpus (golden)', () => {
  it('are what the evaluator answered before its rebuild, byte for byte', () => {
    const now = corpusDigest();
    expect({ seed: SEED, count: COUNT }).toEqual({ seed: golden.seed, count: golden.count });
    // The sample first: a difference there shows what changed.
    expect(JSON.parse(JSON.stringify(now.sample))).toEqual(golden.sample);
    expect(now.lines).toBe(golden.lines);
    expect(now.sha256).toBe(golden.sha256);
  }, 300_000);
});
