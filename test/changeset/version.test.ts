/**
 * `changeset version` with our changelog formatter, in a temporary copy of the
 * repository (sources copied, dependencies linked to this checkout's
 * node_modules, workspace links kept inside the copy: `modules: 'relink'`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { imrt } from '@criteria/policy-imrt';
import { type TempRepo, tempRepo } from '@criteria/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { root } from '../support/cli.js';

const changesetVersion = (cwd: string) =>
  spawnSync(process.execPath, [join(root, 'node_modules/@changesets/cli/bin.js'), 'version'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
  });

let repo: TempRepo | undefined;
afterEach(() => {
  repo?.remove();
  repo = undefined;
});
/** A copy whose `@criteria/*` imports resolve to its own files, committed to git. */
const copyRepo = (): string => {
  repo = tempRepo({ modules: 'relink', git: true });
  return repo.dir;
};

describe('changeset version with @criteria/changelog-formatter', () => {
  it('writes the revision notice into the policy package CHANGELOG.md and bumps its version', () => {
    const copy = copyRepo();
    writeFileSync(
      join(copy, '.changeset/breast-cancer-apbi.md'),
      [
        '---',
        "'@criteria/policy-imrt': major",
        '---',
        '',
        'imrt@2023-01-10: breast cancer treated with APBI is reviewed against the criteria for dates of service from 2023-06-01.',
        '',
      ].join('\n'),
    );
    const r = changesetVersion(copy);
    expect(r.status, r.stderr).toBe(0);
    const pkg = JSON.parse(readFileSync(join(copy, 'policies/imrt/package.json'), 'utf8'));
    // MCG KP-0455 replacing the plan's own criteria is substantive: a major release
    expect(pkg.version).toBe('1.0.0');
    const changelog = readFileSync(join(copy, 'policies/imrt/CHANGELOG.md'), 'utf8');
    const [, firstEntry] = changelog.split(/^## /m);
    const lines = `## ${firstEntry}`.split('\n');
    expect(lines.slice(0, 10)).toEqual([
      '## 1.0.0',
      '### Major Changes',
      '',
      '- imrt@2023-01-10: breast cancer treated with APBI is reviewed against the criteria for dates of service from 2023-06-01.',
      '',
      '  **Intensity Modulated Radiation Therapy (IMRT)**, revision 2023-01-10: effective 2023-06-01 (stated); substantive (direction not shown by the record).',
      '',
      '  - Approved 2023-01-10, replacing revision 2021-03-02.',
      "  - Advance notice: 60 days' advance notice required (stated); due by 2023-04-02.",
      '  - Lead time: 142 days from approval to effect: meets the 60-day notice period.',
    ]);
    expect(lines).toContain(
      '  - Administrative: Medicare members: billing article A57231 is replaced by billing article A58245 (Billing and Coding: Intensity Modulated Radiation Therapy (IMRT)). (**Assumed** (`2023-01-10:criteria.medicare.A58245`))',
    );
    expect(lines).toContain(
      '  - Substantive (direction not shown by the record): Non-Medicare members: plan criteria kp-imrt-criteria (Kaiser Permanente clinical review criteria for IMRT) is no longer a criteria source. (**Reading** (`2021-03-02:criteria.non-medicare.kp-imrt-criteria`))',
    );
    expect(lines).toContain(
      `  - Content hash (sha256): \`${imrt.revisions.find((x) => x.id === '2023-01-10')?.sha256}\``,
    );
    // the notice is produced on its due date: the 2023-11-01 retirement is not in it
    expect(firstEntry).not.toContain('2023-11-01');
    expect(existsSync(join(copy, '.changeset/breast-cancer-apbi.md'))).toBe(false);
  }, 60_000);

  it('refuses a bump the revision does not call for, and changes no file', () => {
    const copy = copyRepo();
    writeFileSync(
      join(copy, '.changeset/wrong-bump.md'),
      "---\n'@criteria/policy-imrt': patch\n---\n\nimrt@2021-03-02: seven indications added.\n",
    );
    const r = changesetVersion(copy);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(
      'changeset wrong-bump: @criteria/policy-imrt: `patch` is not the bump imrt@2021-03-02 calls for: it expands coverage, so `minor`',
    );
    const status = spawnSync('git', ['status', '--porcelain'], { cwd: copy, encoding: 'utf8' });
    expect(status.stdout).toBe('?? .changeset/wrong-bump.md\n');
  }, 60_000);
});
