import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { frozenPolicyModule, type LoadedPolicy } from '@criteria/schema';
import { describe, expect, it } from 'vitest';
import { imrt } from './index.js';

const json = async (name: string) =>
  JSON.parse(await readFile(new URL(`../${name}`, import.meta.url), 'utf8')) as Record<
    string,
    Record<string, string>
  >;

describe('the built policy (validated and hashed at build time)', () => {
  it('is the policy validated at import, value for value, and deeply frozen', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'criteria-frozen-'));
    try {
      const file = join(dir, 'index.mjs');
      await writeFile(
        file,
        frozenPolicyModule(imrt, { name: 'imrt', extra: 'export const more = 1;\n' }),
      );
      const built = (await import(pathToFileURL(file).href)) as {
        imrt: LoadedPolicy;
        more: number;
      };
      expect(JSON.stringify(built.imrt)).toBe(JSON.stringify(imrt));
      expect(built.imrt).toEqual(imrt);
      expect(built.more).toBe(1);
      expect(Object.isFrozen(built.imrt)).toBe(true);
      expect(Object.isFrozen(built.imrt.revisions.at(-1)?.codes[0])).toBe(true);
      expect(Object.isFrozen(built.imrt.readings[0]?.diagnosisMap.rows[0])).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('carries the hashes the lock files hold (what lint checks)', async () => {
    const revisions = await json('revisions.lock.json');
    const readings = await json('readings.lock.json');
    expect(Object.fromEntries(imrt.revisions.map((r) => [r.id, r.sha256]))).toEqual(
      revisions.revisions,
    );
    expect(Object.fromEntries(imrt.readings.map((e) => [e.edition, e.sha256]))).toEqual(
      readings.editions,
    );
  });

  it('refuses a name that is not an identifier', () => {
    expect(() => frozenPolicyModule(imrt, { name: 'a-b' })).toThrow(TypeError);
  });
});
