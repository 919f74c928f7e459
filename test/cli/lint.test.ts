import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tempRepo } from '@criteria/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../support/cli.js';

const overdue =
  'imrt, record.reviewedOn: the last review is `2024-04-02`; the review fell due on `2025-04-02` (12 months later) and is 603 days overdue on `2026-11-26`';

describe('criteria lint', () => {
  it('passes on the real IMRT policy and reports the review overdue (JSON)', async () => {
    const r = await runCli(['lint', 'imrt', '--json'], { today: '2026-11-26' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ today: '2026-11-26', errors: 0, warnings: 1 });
    expect(out.policies).toEqual([
      {
        policy: 'imrt',
        errors: 0,
        warnings: 1,
        findings: [
          {
            rule: 'review-overdue',
            severity: 'warning',
            policy: 'imrt',
            revision: null,
            field: 'record.reviewedOn',
            path: 'record.reviewedOn',
            message: overdue,
            fix: expect.stringContaining('record.reviewedOn'),
          },
        ],
      },
    ]);
  });

  it('prints findings for people, every policy when none is named', async () => {
    const r = await runCli(['lint'], { today: '2026-11-26' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        'imrt: 0 errors, 1 warning',
        '  warning  review-overdue',
        `    ${overdue}`,
        '    fix: Have the committee review the policy, then add the review date to `record.reviewedOn` with a citation of the source line that records it. The warning names the date the review fell due.',
        'lint: 0 errors, 1 warning in 1 policy (today 2026-11-26)',
        '',
      ].join('\n'),
    );
    expect((await runCli(['lint', 'imrt'], { today: '2025-04-02' })).stdout).toBe(
      'imrt: 0 errors, 0 warnings\nlint: 0 errors, 0 warnings in 1 policy (today 2025-04-02)\n',
    );
  });

  it('usage errors exit 2 with one line', async () => {
    const unknown = await runCli(['lint', 'nope']);
    expect(unknown).toEqual({
      status: 2,
      stdout: '',
      stderr: 'criteria: policy: `nope` is not a known policy (known: imrt)\n',
    });
    expect((await runCli(['lint', 'imrt', '--bogus'])).status).toBe(2);
  });

  it('exits 0 as a real process (warnings only), with clean stderr', () => {
    const r = spawnCli(['lint', 'imrt', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).errors).toBe(0);
  });
});

describe('criteria lint on an edited copy of the repository', () => {
  const repo = tempRepo();
  afterAll(() => repo.remove());
  const lockPath = repo.path('policies/imrt/revisions.lock.json');
  const lockBefore = readFileSync(lockPath, 'utf8');

  it('editing a published revision fails with published-immutable (exit 1); the lock is never rewritten', async () => {
    const file = repo.path('policies/imrt/src/revisions/2021-03-02.ts');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace("effectiveOn: '2021-08-01'", "effectiveOn: '2021-09-01'"));
    const r = await runCli(['lint', 'imrt', '--json'], { cwd: repo.dir, today: '2025-04-02' });
    expect(r.status).toBe(1);
    const findings = JSON.parse(r.stdout).policies[0].findings;
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'published-immutable',
        severity: 'error',
        revision: '2021-03-02',
        message: expect.stringMatching(
          new RegExp(
            `^imrt revision 2021-03-02: content hash \`[0-9a-f]{12}…\` differs from the published \`${JSON.parse(lockBefore).revisions['2021-03-02'].slice(0, 12)}…\` recorded in the lock: the published revision was edited$`,
          ),
        ),
        fix: expect.stringContaining('pnpm new-revision imrt'),
      }),
    ]);
    const update = await runCli(['lint', 'imrt', '--update-lock'], {
      cwd: repo.dir,
      today: '2025-04-02',
    });
    expect(update.status).toBe(1);
    expect(update.stdout).toContain(
      '  lock: no new revision to record in policies/imrt/revisions.lock.json\n',
    );
    expect(readFileSync(lockPath, 'utf8')).toBe(lockBefore);
  });
});

describe('criteria lint on a policy that does not validate (a copy with its own install)', () => {
  const repo = tempRepo({ modules: 'install' });
  afterAll(() => repo.remove());
  const cli = (args: string[]) =>
    spawnSync(
      process.execPath,
      ['--conditions=@criteria/source', '--import', 'tsx', 'apps/cli/src/main.ts', ...args],
      { cwd: repo.dir, encoding: 'utf8' },
    );

  it('lint reports the broken field (exit 1); a command that loads it stops with one line (exit 2)', () => {
    const file = repo.path('policies/imrt/src/revisions/2021-03-02.ts');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        "effectiveOnBasis: 'stated'",
        "effectiveOnBasis: 'guessed'",
      ),
    );
    const lint = cli(['lint', 'imrt']);
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain(
      '  error    schema\n    imrt revision 2021-03-02, effectiveOnBasis: `guessed` is not one of `stated`, `assumed`, `reading`\n',
    );
    expect(lint.stdout).toContain('  error    published-immutable\n    imrt revision 2021-03-02: ');
    const timeline = cli(['timeline', 'imrt']);
    expect(timeline.status).toBe(2);
    expect(timeline.stdout).toBe('');
    expect(timeline.stderr).toMatch(
      /^criteria: policy imrt does not validate: .*guessed.*\n {2}\(`criteria lint` lists every problem with its fix\)\n$/,
    );
  });
});
