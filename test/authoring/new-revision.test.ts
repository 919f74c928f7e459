/**
 * The analyst's path end to end, in a temporary copy of the repository:
 * scaffold a revision non-interactively, then lint, type-check and format-check it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempRepo } from '@criteria/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { root, runCli } from '../support/cli.js';

const repo = tempRepo();
afterAll(() => repo.remove());

const newRevision = (args: string[]) =>
  spawnSync(
    process.execPath,
    [
      '--conditions=@criteria/source',
      '--import',
      'tsx',
      join(root, 'tools/new-revision/src/main.ts'),
      ...args,
    ],
    { cwd: repo.dir, encoding: 'utf8', input: '' },
  );

const args = [
  'imrt',
  '--approved',
  '2026-01-05',
  '--effective',
  '2026-03-15',
  '--notice',
  '--summary',
  'Example revision written by the authoring test.',
];

describe('pnpm new-revision, non-interactively, in a copy of the repository', () => {
  it('refuses a revision approved 2023-05-01 with notice, effective 2023-06-01, writing nothing', () => {
    const r = newRevision([
      'imrt',
      '--approved',
      '2023-05-01',
      '--effective',
      '2023-06-01',
      '--notice',
      '--summary',
      'x',
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'new-revision: refused, nothing written:\n  --effective: `2023-06-01` is not 2023-06-30 or later: with 60-day notice the revision takes effect at least 60 days after approval 2023-05-01 (it is 31 days)\n',
    );
    expect(existsSync(repo.path('policies/imrt/src/revisions/2023-05-01.ts'))).toBe(false);
    expect(existsSync(repo.path('.changeset/imrt-revision-2023-05-01.md'))).toBe(false);
    expect(readFileSync(repo.path('policies/imrt/src/input.ts'), 'utf8')).toBe(
      readFileSync(join(root, 'policies/imrt/src/input.ts'), 'utf8'),
    );
  });

  it('writes a module, its registration and a changeset', () => {
    const r = newRevision(args);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(repo.path('.changeset/imrt-revision-2026-01-05.md'), 'utf8')).toBe(
      '---\n"@criteria/policy-imrt": patch\n---\n\nimrt@2026-01-05: Example revision written by the authoring test. (dates of service from 2026-03-15, with 60-day notice to providers)\n',
    );
  });

  it('the module passes lint (warnings only: not yet locked, review overdue)', async () => {
    const r = await runCli(['lint', 'imrt', '--json'], { cwd: repo.dir, today: '2026-11-26' });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout).policies[0];
    expect(report.errors).toBe(0);
    expect(
      report.findings.map((f: { rule: string; revision: string | null }) => [f.rule, f.revision]),
    ).toEqual([
      ['revision-unlocked', '2026-01-05'],
      ['review-overdue', null],
    ]);
  });

  it('the module passes the type check and biome', () => {
    const tsc = spawnSync(
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'policies/imrt'],
      { cwd: repo.dir, encoding: 'utf8' },
    );
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    const biome = spawnSync(
      join(root, 'node_modules/.bin/biome'),
      ['check', 'policies/imrt/src/revisions/2026-01-05.ts', 'policies/imrt/src/input.ts'],
      { cwd: repo.dir, encoding: 'utf8' },
    );
    expect(biome.status).toBe(0);
  });

  it('--update-lock records the new revision only; a second scaffold of the same date is refused', async () => {
    const lock = repo.path('policies/imrt/revisions.lock.json');
    const before = JSON.parse(readFileSync(lock, 'utf8')).revisions;
    const r = await runCli(['lint', 'imrt', '--update-lock'], {
      cwd: repo.dir,
      today: '2026-11-26',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      '  lock: recorded 2026-01-05 in policies/imrt/revisions.lock.json\n',
    );
    const after = JSON.parse(readFileSync(lock, 'utf8')).revisions;
    expect(after).toEqual({ ...before, '2026-01-05': expect.stringMatching(/^[0-9a-f]{64}$/) });
    const again = newRevision(args);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(
      '--approved: `2026-01-05` is not after the approval of the latest revision (2026-01-05)',
    );
  });
});
