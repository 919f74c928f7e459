import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIsFresh, workspaceClosure } from './built.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

/** A package folder with one source and one built file, modified at the given seconds. */
async function pkg(source: number, built: number | null, test?: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'criteria-built-'));
  dirs.push(dir);
  await mkdir(join(dir, 'src', 'deep'), { recursive: true });
  await writeFile(join(dir, 'src', 'deep', 'a.ts'), '');
  await utimes(join(dir, 'src', 'deep', 'a.ts'), source, source);
  if (test !== undefined) {
    await writeFile(join(dir, 'src', 'a.test.ts'), '');
    await utimes(join(dir, 'src', 'a.test.ts'), test, test);
  }
  if (built !== null) {
    await mkdir(join(dir, 'dist'));
    await writeFile(join(dir, 'dist', 'index.js'), '');
    await utimes(join(dir, 'dist', 'index.js'), built, built);
  }
  return dir;
}

describe('buildIsFresh', () => {
  it('is true only when every package was built after its newest source', async () => {
    const fresh = await pkg(1_000_000, 2_000_000);
    expect(buildIsFresh([fresh])).toBe(true);
    expect(buildIsFresh([fresh, await pkg(3_000_000, 2_000_000)])).toBe(false);
    expect(buildIsFresh([fresh, await pkg(1_000_000, null)])).toBe(false);
  });
  it('ignores test files', async () => {
    expect(buildIsFresh([await pkg(1_000_000, 2_000_000, 3_000_000)])).toBe(true);
  });
});

describe('workspaceClosure', () => {
  it('is this package and the workspace packages it depends on, recursively', () => {
    const here = fileURLToPath(new URL('..', import.meta.url));
    const names = workspaceClosure(here).map((d) => basename(d));
    expect(names[0]).toBe('impact');
    for (const n of ['evaluator', 'schema', 'errors', 'calendar', 'temporal'])
      expect(names).toContain(n);
    // Development dependencies (the policy, the generator) are not part of a worker.
    expect(names).not.toContain('imrt');
  });
});
