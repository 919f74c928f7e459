import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readmeSnippet } from './readme-snippet.js';
import { root } from './workspace.js';

describe('readmeSnippet', () => {
  const md = ['# T', '### A', 'text', '```ts', 'const a = 1;', '```', '### B', '```ts', 'b', '```'];

  it('takes the first ts block under the heading, not one of the next section', () => {
    expect(readmeSnippet(md.join('\n'), '### A')).toBe('const a = 1;\n');
    expect(readmeSnippet(md.join('\n'), '### B')).toBe('b\n');
  });

  it('refuses a heading without a block before the next heading, or a missing heading', () => {
    expect(() =>
      readmeSnippet(['### A', 'no code', '### B', '```ts', 'b', '```'].join('\n'), '### A'),
    ).toThrow('no ```ts block');
    expect(() => readmeSnippet(md.join('\n'), '### C')).toThrow('no heading');
  });

  it("finds the README's service snippet, which imports the published packages", () => {
    const snippet = readmeSnippet(readFileSync(`${root}/README.md`, 'utf8'), '### From a service');
    expect(snippet).toContain("from '@criteria/evaluator'");
    expect(snippet).toContain("from '@criteria/policy-imrt'");
  });
});
