import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * A temporary repository holding only the IMRT policy package (its
 * node_modules a symlink to the real one), for tests that write a revision.
 */
export function miniRepo() {
  const dir = mkdtempSync(join(tmpdir(), 'new-revision-'));
  for (const file of ['package.json', 'pnpm-workspace.yaml', 'tsconfig.base.json', 'biome.json'])
    cpSync(join(root, file), join(dir, file));
  cpSync(join(root, '.changeset', 'config.json'), join(dir, '.changeset', 'config.json'));
  cpSync(join(root, 'policies', 'imrt'), join(dir, 'policies', 'imrt'), {
    recursive: true,
    filter: (src) => !/(?:^|[\\/])(?:node_modules|\.turbo|dist)$/.test(src),
  });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  symlinkSync(
    join(root, 'policies', 'imrt', 'node_modules'),
    join(dir, 'policies', 'imrt', 'node_modules'),
    'dir',
  );
  /** Every file (not under node_modules) and its text, to prove nothing was written. */
  const files = (): Record<string, string> => {
    const out: Record<string, string> = {};
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        if (name === 'node_modules') continue;
        const p = join(d, name);
        if (statSync(p).isDirectory()) walk(p);
        else out[relative(dir, p)] = readFileSync(p, 'utf8');
      }
    };
    walk(dir);
    return out;
  };
  return {
    dir,
    path: (p: string) => join(dir, p),
    files,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
