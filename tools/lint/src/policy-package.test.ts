import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_SOURCE_PATH, fixtureSource } from '@criteria/fixture-policy';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, TODAY } from '../test/fixture.js';
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
policyPackage('widget', `export default ${JSON.stringify(fixture())};\n`);
write(`policies/widget/${FIXTURE_SOURCE_PATH}`, fixtureSource);
policyPackage('broken', 'export default {;\n');
policyPackage('nosource', `export default ${JSON.stringify({ ...fixture(), id: 'nosource' })};\n`);
write('policies/not-a-policy/package.json', '{"name":"x"}');

describe('policy packages on disk', () => {
  it('finds the repository root and the packages that export ./input', () => {
    expect(findRepoRoot(join(root, 'policies', 'widget'))).toBe(root);
    expect(findPolicyPackages(root).map((p) => p.name)).toEqual(['broken', 'nosource', 'widget']);
  });

  it('reads the data, the source document named by sourceDocument and the (absent) lock', async () => {
    const pkg = await loadPolicyPackage(join(root, 'policies', 'widget'), root);
    expect(pkg.source).toEqual({
      path: `policies/widget/${FIXTURE_SOURCE_PATH}`,
      text: fixtureSource,
    });
    expect(pkg.lock).toEqual({ status: 'absent', path: 'policies/widget/revisions.lock.json' });
    // Every revision is unpublished (no lock), and nothing else is wrong.
    expect(lintPolicy(pkg, { today: TODAY }).findings.map((f) => [f.rule, f.revision])).toEqual(
      fixture().revisions.map((r: { id: string }) => ['revision-unlocked', r.id]),
    );
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
        `nosource, sourceDocument: \`policies/nosource/${FIXTURE_SOURCE_PATH}\` cannot be read (ENOENT)`,
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
