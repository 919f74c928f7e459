import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from './rules/index.js';
import { renderRulesDoc } from './rules-doc.js';

describe('docs/lint-rules.md', () => {
  it('is fresh: equal to what the rule metadata generates (pnpm generate:lint-docs)', () => {
    const committed = readFileSync(new URL('../../../docs/lint-rules.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderRulesDoc());
  });
});

describe('the rules', () => {
  it('have unique kebab-case ids, a title, a rationale and a fix', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of rules) {
      expect(r.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(r.title.length).toBeGreaterThan(10);
      expect(r.rationale.length).toBeGreaterThan(40);
      expect(r.fix.length).toBeGreaterThan(20);
    }
  });

  it('each has a test file beside it (a fixture that breaks it and one that keeps it)', () => {
    for (const r of rules) {
      const test = new URL(`./rules/${r.id}.test.ts`, import.meta.url);
      expect(existsSync(test), `${r.id}.test.ts`).toBe(true);
      const text = readFileSync(test, 'utf8');
      expect(text).toContain(`'${r.id}'`);
      expect(text).toMatch(/keeps/);
      expect(text).toMatch(/breaks/);
    }
  });

  it('are the documented set, in order', () => {
    expect(rules.map((r) => `${r.id} (${r.severity})`)).toEqual([
      'schema (error)',
      'revision-id-equals-approval (error)',
      'revision-ids-unique (error)',
      'revisions-in-approval-order (error)',
      'effective-not-before-approval (error)',
      'approved-not-after-today (error)',
      'notice-period (error)',
      'restriction-requires-notice (error)',
      'citation-exists (error)',
      'reading-has-reason (error)',
      'published-immutable (error)',
      'revision-unlocked (warning)',
      'review-overdue (warning)',
      'icd10-well-formed (error)',
      'changeset-bump (error)',
    ]);
  });
});
