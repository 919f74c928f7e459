import { readFileSync } from 'node:fs';
import { type TempRepo, tempRepo } from '@criteria/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type Io, main } from './cli.js';
import type { Answers } from './time-rules.js';

let repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos) r.remove();
  repos = [];
});
const repo = () => {
  // Only what the tool reads: the workspace's config files and the IMRT policy package.
  const r = tempRepo({
    only: [
      'package.json',
      'pnpm-workspace.yaml',
      'tsconfig.base.json',
      'biome.json',
      '.changeset/config.json',
      'policies/imrt',
    ],
  });
  repos.push(r);
  return r;
};

const run = async (argv: string[], cwd: string, ask?: Io['ask']) => {
  let stdout = '';
  let stderr = '';
  const status = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd,
    today: () => '2026-11-26',
    ...(ask && { ask }),
  });
  return { status, stdout, stderr };
};

const flags = ['--approved', '2026-01-05', '--effective', '2026-03-15', '--notice'];

// Each test copies the policy and runs biome on what it writes: slow on a busy machine.
describe('new-revision', () => {
  it('writes the module, registers it and writes a changeset', async () => {
    const r = repo();
    const out = await run(['imrt', ...flags, '--summary', 'Adds a test indication.'], r.dir);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout.split('\n').slice(0, 4)).toEqual([
      'new-revision: imrt revision 2026-01-05, a snapshot of 2023-01-10',
      '  wrote      policies/imrt/src/revisions/2026-01-05.ts',
      '  registered policies/imrt/src/input.ts',
      '  wrote      .changeset/imrt-revision-2026-01-05.md',
    ]);
    const registry = readFileSync(r.path('policies/imrt/src/input.ts'), 'utf8');
    expect(registry).toContain(
      "import r20230110 from './revisions/2023-01-10.js';\nimport r20260105 from './revisions/2026-01-05.js';\n",
    );
    expect(registry).toContain('    r20230110,\n    r20260105,\n  ],');
    expect(readFileSync(r.path('.changeset/imrt-revision-2026-01-05.md'), 'utf8')).toBe(
      '---\n"@criteria/policy-imrt": patch\n---\n\nimrt@2026-01-05: Adds a test indication. (dates of service from 2026-03-15, with 60-day notice to providers)\n',
    );
    const module = readFileSync(r.path('policies/imrt/src/revisions/2026-01-05.ts'), 'utf8');
    expect(module).toContain(
      "  id: '2026-01-05',\n  approvedOn: '2026-01-05',\n  effectiveOn: '2026-03-15',\n  effectiveOnBasis: 'stated',",
    );
    expect(module).toContain("  summary: 'Adds a test indication.',");
    expect(module).toContain('    required: true,\n    periodDays: 60,');
  });

  it('asks only for what no flag gave (the interactive path)', async () => {
    const r = repo();
    const asked: Partial<Answers>[] = [];
    const out = await run(['imrt', '--approved', '2026-01-05'], r.dir, async (given, latest) => {
      asked.push(given);
      expect(latest).toEqual({ policy: 'imrt', periodDays: 60 });
      return {
        ...given,
        effective: '2026-01-05',
        notice: false,
        summary: 'Wording only.',
      } as Answers;
    });
    expect(out.status).toBe(0);
    expect(asked).toEqual([
      { approved: '2026-01-05', effective: undefined, notice: undefined, summary: undefined },
    ]);
    const module = readFileSync(r.path('policies/imrt/src/revisions/2026-01-05.ts'), 'utf8');
    expect(module).toContain(
      "    required: false,\n    periodDays: null,\n    basis: 'not-stated',",
    );
  });

  it('refuses dates that break the time rules, with the reason, writing nothing', async () => {
    const r = repo();
    const before = r.files();
    const out = await run(
      [
        'imrt',
        '--approved',
        '2023-05-01',
        '--effective',
        '2023-06-01',
        '--notice',
        '--summary',
        'x',
      ],
      r.dir,
    );
    expect(out.status).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toBe(
      'new-revision: refused, nothing written:\n' +
        '  --effective: `2023-06-01` is not 2023-06-30 or later: with 60-day notice the revision takes effect at least 60 days after approval 2023-05-01 (it is 31 days)\n',
    );
    expect(r.files()).toEqual(before);
  });

  it("checks notice against the policy's own period, or --notice-days (60 days for IMRT, copied from 2023-01-10)", async () => {
    const r = repo();
    const before = r.files();
    const longer = await run(['imrt', ...flags, '--notice-days', '90', '--summary', 'x'], r.dir);
    expect(longer.status).toBe(2);
    expect(longer.stderr).toBe(
      'new-revision: refused, nothing written:\n' +
        '  --effective: `2026-03-15` is not 2026-04-05 or later: with 90-day notice the revision takes effect at least 90 days after approval 2026-01-05 (it is 69 days)\n',
    );
    const bad = await run(['imrt', ...flags, '--notice-days', '0', '--summary', 'x'], r.dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      'new-revision: --notice-days: `0` is not a whole number of days from 1 to 999\n',
    );
    expect(r.files()).toEqual(before);
  });

  it('refuses an approval that is not after the latest revision, an unknown policy, a revision that exists', async () => {
    const r = repo();
    const before = r.files();
    const old = await run(
      [
        'imrt',
        '--approved',
        '2022-12-01',
        '--effective',
        '2023-03-01',
        '--notice',
        '--summary',
        'x',
      ],
      r.dir,
    );
    expect(old.stderr).toContain(
      '--approved: `2022-12-01` is not after the approval of the latest revision (2023-01-10)',
    );
    // Issue 11: an approval after today (the committee has not met) was accepted.
    const future = await run(
      [
        'imrt',
        '--approved',
        '2099-01-01',
        '--effective',
        '2099-03-15',
        '--notice',
        '--summary',
        'x',
      ],
      r.dir,
    );
    expect(future.status).toBe(2);
    expect(future.stderr).toBe(
      'new-revision: refused, nothing written:\n  --approved: `2099-01-01` is not on or before today (2026-11-26): a revision is recorded after the committee approves it\n',
    );
    const unknown = await run(['nope', ...flags, '--summary', 'x'], r.dir);
    expect(unknown.stderr).toBe(
      'new-revision: refused, nothing written:\n  policy: `nope` is not a known policy (known: imrt)\n',
    );
    expect(r.files()).toEqual(before);
    expect((await run(['imrt', ...flags, '--summary', 'x'], r.dir)).status).toBe(0);
    // Run again (in this process the policy module is cached, so the file check refuses it).
    const written = r.files();
    const again = await run(['imrt', ...flags, '--summary', 'x'], r.dir);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/^new-revision: refused, nothing written:\n/);
    expect(r.files()).toEqual(written);
  });

  it('usage errors exit 2: missing answers with no terminal, contradicting flags, no policy', async () => {
    const r = repo();
    expect(await run(['imrt', '--approved', '2026-01-05'], r.dir)).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'new-revision: missing --effective, --notice or --no-notice, --summary (no terminal to ask on)\n',
    });
    expect((await run(['imrt', '--notice', '--no-notice'], r.dir)).status).toBe(2);
    expect((await run([], r.dir)).stderr).toMatch(/^new-revision: expected one policy id, got 0\n/);
    expect((await run(['imrt', '--bogus'], r.dir)).status).toBe(2);
    expect((await run(['--help'], r.dir)).stdout).toMatch(/^usage: pnpm new-revision <policy>/);
  });
});
