/**
 * The engine packages hold no IMRT knowledge: their behaviour is tested against the fictional
 * fixture policy in their own packages (packages/evaluator/src/evaluate.test.ts), and their
 * sources name nothing of IMRT.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../support/cli.js';

describe('the engine packages', () => {
  it('hold no IMRT knowledge', () => {
    const words = /imrt|L34080|A5\d{4}|KP-0455|77385|lung|breast|oncolog|pancrea/i;
    for (const pkg of ['calendar', 'errors', 'schema', 'temporal', 'evaluator']) {
      const dir = join(root, 'packages', pkg, 'src');
      for (const file of readdirSync(dir, { recursive: true }) as string[]) {
        if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
        const text = readFileSync(join(dir, file), 'utf8').replace(
          /\/\*\*[\s\S]*?\*\/|\/\/.*$/gm,
          '',
        );
        expect(`${pkg}/${file}: ${text.match(words)?.[0] ?? ''}`).toBe(`${pkg}/${file}: `);
      }
    }
  });
});
