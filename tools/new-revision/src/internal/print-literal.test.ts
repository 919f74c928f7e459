import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import input from '@criteria/policy-imrt/input';
import { describe, expect, it } from 'vitest';
import { printLiteral, quote } from './print-literal.js';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const biome = join(root, 'node_modules', '.bin', 'biome');

/** What biome makes of `text` as a .ts file. */
const formatted = (text: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'print-literal-'));
  try {
    const file = join(dir, 'x.ts');
    writeFileSync(file, text);
    execFileSync(biome, ['format', '--write', `--config-path=${root}`, file], { stdio: 'pipe' });
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

describe('printLiteral', () => {
  it('quotes like biome: single quotes unless the text has more of them', () => {
    expect(quote('plain')).toBe("'plain'");
    expect(quote("the plan's own")).toBe('"the plan\'s own"');
    expect(quote('say "x" and \'y\'')).toBe("'say \"x\" and \\'y\\''");
  });

  it('the check formats for real (biome rewrites what it does not like)', () => {
    expect(formatted('export default {a:"x"}\n')).toBe("export default { a: 'x' };\n");
  });

  it.each(input.revisions.map((r) => [r.id, r] as const))(
    'prints revision %s exactly as biome formats it, and the value survives',
    (_, revision) => {
      const text = `export default ${printLiteral(revision, 0, 'export default '.length, ';')};\n`;
      expect(formatted(text)).toBe(text);
      const back = new Function(`return ${text.replace('export default ', '')}`)();
      expect(back).toEqual(JSON.parse(JSON.stringify(revision)));
    },
  );
});
