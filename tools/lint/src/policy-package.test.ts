import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TODAY, tinyPolicy, tinySource } from '../test/tiny-policy.js';
import { lintPolicy } from './lint-policy.js';
import { findPolicyPackages, findRepoRoot, loadPolicyPackage } from './policy-package.js';

const root = mkdtempSync(join(tmpdir(), 'lint-packages-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const write = (path: string, text: string) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
const policyPackage = (name: string, module: string) => {
  write(
    `policies/${name}/package.json`,
    JSON.stringify({ name: `@test/${name}`, exports: { './input': { default: './input.mjs' } } }),
  );
  write(`policies/${name}/input.mjs`, module);
};

write('pnpm-workspace.yaml', 'packages: [policies/*]\n');
policyPackage('tiny', `export default ${JSON.stringify(tinyPolicy())};\n`);
write('policies/tiny/source.txt', tinySource);
policyPackage('broken', 'export default {;\n');
policyPackage(
  'nosource',
  `export default ${JSON.stringify({ ...tinyPolicy(), id: 'nosource' })};\n`,
);
write('policies/not-a-policy/package.json', '{"name":"x"}');

describe('policy packages on disk', () => {
  it('finds the repository root and the packages that export ./input', () => {
    expect(findRepoRoot(join(root, 'policies', 'tiny'))).toBe(root);
    expect(findPolicyPackages(root).map((p) => p.name)).toEqual(['broken', 'nosource', 'tiny']);
  });

  it('reads the data, the source document named by sourceDocument and the (absent) lock', async () => {
    const pkg = await loadPolicyPackage(join(root, 'policies', 'tiny'), root);
    expect(pkg.source).toEqual({ path: 'policies/tiny/source.txt', text: tinySource });
    expect(pkg.lock).toEqual({ status: 'absent', path: 'policies/tiny/revisions.lock.json' });
    expect(lintPolicy(pkg, { today: TODAY }).findings.map((f) => f.rule)).toEqual([
      'revision-unlocked',
      'revision-unlocked',
    ]);
  });

  it('reports a module that does not load instead of throwing', async () => {
    const pkg = await loadPolicyPackage(join(root, 'policies', 'broken'), root);
    const report = lintPolicy(pkg, { today: TODAY });
    expect(report.policy).toBe('broken');
    expect(report.findings).toEqual([
      expect.objectContaining({
        rule: 'schema',
        message: expect.stringMatching(/^broken: the policy module cannot be loaded: /),
      }),
    ]);
  });

  it('reports a missing source document and an unreadable lock', async () => {
    write('policies/nosource/revisions.lock.json', '{"policy": ');
    const pkg = await loadPolicyPackage(join(root, 'policies', 'nosource'), root);
    expect(lintPolicy(pkg, { today: TODAY }).findings.map((f) => [f.rule, f.message])).toEqual([
      [
        'citation-exists',
        'nosource, sourceDocument: `policies/nosource/source.txt` cannot be read (ENOENT)',
      ],
      [
        'published-immutable',
        expect.stringMatching(
          /^nosource, revisions\.lock\.json: `policies\/nosource\/revisions\.lock\.json` cannot be read: not JSON/,
        ),
      ],
    ]);
  });
});
