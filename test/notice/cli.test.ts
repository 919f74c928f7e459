import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imrt } from '@criteria/policy-imrt';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../support/cli.js';

/** The IMRT revision ids, oldest first, as the policy has them. */
const REVISIONS = imrt.revisions.map((r) => r.id);
const json = async (args: string[]) => {
  const r = await runCli(args);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
};

describe('criteria notice', () => {
  it('2023-01-10: due by 2023-04-02, 142 days of lead, compliant (the real process, as `pnpm -s criteria`)', () => {
    const r = spawnCli(['notice', 'imrt', '2023-01-10', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      revision: '2023-01-10',
      approvedOn: '2023-01-10',
      effectiveOn: '2023-06-01',
      notice: { required: true, periodDays: 60, basis: 'stated' },
      noticeDueBy: '2023-04-02',
      leadDays: 142,
      compliant: true,
      replaces: { revision: '2021-03-02' },
      impact: 'expands-coverage',
      releaseType: 'minor',
      linesOfBusiness: ['medicare', 'commercial'],
    });
  }, 30_000);

  it('2021-03-02: due by 2021-06-02, 152 days of lead; seven indications added, breast cancer named for medical director review', async () => {
    const n = await json(['notice', 'imrt', '2021-03-02', '--format', 'json']);
    expect(n).toMatchObject({ noticeDueBy: '2021-06-02', leadDays: 152, compliant: true });
    expect(n.linesOfBusiness).toEqual(['commercial']);
    expect(
      n.changes.map((c: { subject: string; impact: string }) => [c.subject, c.impact]),
    ).toEqual([
      ['indication:cholangiocarcinoma', 'expands-coverage'],
      ['indication:gallbladder-carcinoma', 'expands-coverage'],
      ['indication:gastric-cancer', 'expands-coverage'],
      ['indication:hepatocellular-carcinoma', 'expands-coverage'],
      ['indication:liver-metastases', 'expands-coverage'],
      ['indication:lymphoma-mediastinal', 'expands-coverage'],
      ['indication:pancreatic-cancer', 'expands-coverage'],
      ['indication:breast-cancer', 'administrative'],
    ]);
  });

  it('a revision that needs no notice says so, with no due date', async () => {
    const n = await json(['notice', 'imrt', '2020-07-07', '--format', 'json']);
    expect(n).toMatchObject({
      notice: { required: false, periodDays: null, basis: 'not-stated' },
      noticeDueBy: null,
      compliant: true,
      leadDays: 0,
    });
    const md = await runCli(['notice', 'imrt', '2020-07-07']);
    expect(md.stdout).toContain(
      '- **Advance notice:** no advance notice required (the record states none)',
    );
  });

  it('unknown policy or revision: exit 2, one line listing the known ones', async () => {
    const p = await runCli(['notice', 'nope', '2023-01-10']);
    expect([p.status, p.stdout, p.stderr]).toEqual([
      2,
      '',
      'criteria: policy: `nope` is not a known policy (known: imrt)\n',
    ]);
    const r = await runCli(['notice', 'imrt', '2023-01-11']);
    expect([r.status, r.stderr]).toEqual([
      2,
      `criteria: revision: \`2023-01-11\` is not a revision of imrt (known: ${REVISIONS.join(', ')})\n`,
    ]);
    const f = await runCli(['notice', 'imrt', '2023-01-10', '--format', 'docx']);
    expect([f.status, f.stderr]).toEqual([
      2,
      'criteria: --format: `docx` is not one of `md`, `html`, `json`, `pdf`\n',
    ]);
  });
});

describe('criteria notice --out', () => {
  const dir = mkdtempSync(join(tmpdir(), 'criteria-notice-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the file (relative to the working directory) with exactly what stdout would show', async () => {
    const out = await runCli(
      ['notice', 'imrt', '2021-03-02', '--format', 'html', '--out', 'notice.html'],
      { cwd: dir },
    );
    expect([out.status, out.stdout, out.stderr]).toEqual([
      0,
      '',
      `criteria: wrote ${join(dir, 'notice.html')}\n`,
    ]);
    const printed = await runCli(['notice', 'imrt', '2021-03-02', '--format', 'html']);
    expect(readFileSync(join(dir, 'notice.html'), 'utf8')).toBe(printed.stdout);
    expect(readdirSync(dir)).toEqual(['notice.html']);
  });

  it('on error leaves nothing behind and the target untouched', async () => {
    const missing = await runCli(
      ['notice', 'imrt', '2021-03-02', '--out', join(dir, 'no-such-dir', 'n.md')],
      { cwd: dir },
    );
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(
      /^criteria: --out: `.*n\.md` is not a file that can be written \(ENOENT\)\n$/,
    );
    mkdirSync(join(dir, 'taken'));
    const isDir = await runCli(['notice', 'imrt', '2021-03-02', '--out', 'taken'], { cwd: dir });
    expect(isDir.status).toBe(2);
    expect(readdirSync(join(dir, 'taken'))).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['notice.html', 'taken']);
    const badRevision = await runCli(['notice', 'imrt', 'nope', '--out', 'x.md'], { cwd: dir });
    expect(badRevision.status).toBe(2);
    expect(existsSync(join(dir, 'x.md'))).toBe(false);
  });
});

describe('criteria diff', () => {
  it('2017-12-05 → 2021-03-02 names the seven added indications and breast cancer for medical director review', async () => {
    const d = await json(['diff', 'imrt', '2017-12-05', '2021-03-02', '--format', 'json']);
    const added = d.changes.filter((c: { kind: string }) => c.kind === 'indication-added');
    expect(
      added.map(
        (c: { after: { label: string; requires: string }; impact: string; rule: string }) => [
          c.after.label,
          c.after.requires,
          c.impact,
          c.rule,
        ],
      ),
    ).toEqual([
      ...[
        'Cholangiocarcinoma',
        'Gallbladder carcinoma',
        'Gastric cancer',
        'Hepatocellular carcinoma',
        'Liver metastases',
        'Lymphoma with mediastinal involvement, in proximity to lung and heart',
        'Pancreatic cancer',
      ].map((label) => [
        label,
        'criteria-review',
        'expands-coverage',
        'indication-added-criteria-review',
      ]),
      [
        'Breast cancer (other than APBI)',
        'medical-director-review',
        'administrative',
        'indication-added-medical-director-review',
      ],
    ]);
    expect(d.counts).toEqual({ 'expands-coverage': 7, 'restricts-coverage': 0, administrative: 9 });
    expect(d.impact).toBe('expands-coverage');
  });

  it('2017-12-05 → 2020-07-07: 77418 removed as a deleted code and article A57231 added, both administrative', async () => {
    const d = await json(['diff', 'imrt', '2017-12-05', '2020-07-07', '--format', 'json']);
    const pick = (subject: string) =>
      d.changes.find((c: { subject: string }) => c.subject === subject);
    expect(pick('code:77418')).toMatchObject({
      kind: 'code-removed',
      impact: 'administrative',
      rule: 'deleted-code-removed',
      before: { code: '77418', deleted: true },
    });
    expect(pick('source:medicare:A57231')).toMatchObject({
      kind: 'source-added',
      line: 'medicare',
      impact: 'administrative',
      rule: 'criteria-source-added',
      after: { kind: 'billing-article', id: 'A57231' },
    });
    expect(d.impact).toBe('administrative');
    expect(d.counts['expands-coverage'] + d.counts['restricts-coverage']).toBe(0);
    const text = await runCli(['diff', 'imrt', '2017-12-05', '2020-07-07']);
    expect(text.stdout).toContain(
      'CPT 77418 (IMRT delivery (deleted code)) is removed from the codes this policy covers: it is a deleted code.',
    );
    const md = await runCli(['diff', 'imrt', '2017-12-05', '2020-07-07', '--format', 'md']);
    expect(md.stdout).toContain('| `deleted-code-removed` |');
  });

  it('a revision against itself has no changes; any pair and its reverse mirror each other', async () => {
    const same = await json(['diff', 'imrt', '2021-03-02', '2021-03-02', '--format', 'json']);
    expect(same.changes).toEqual([]);
    expect(same.impact).toBe('none');
    for (const a of REVISIONS)
      for (const b of REVISIONS) {
        if (a >= b) continue;
        const ab = await json(['diff', 'imrt', a, b, '--format', 'json']);
        const ba = await json(['diff', 'imrt', b, a, '--format', 'json']);
        expect(ba.changes).toHaveLength(ab.changes.length);
        expect(ba.counts).toEqual({
          'expands-coverage': ab.counts['restricts-coverage'],
          'restricts-coverage': ab.counts['expands-coverage'],
          administrative: ab.counts.administrative,
        });
      }
  });

  it('an unknown revision names the argument and the known revisions', async () => {
    const r = await runCli(['diff', 'imrt', '2017-12-05', '2019-01-01']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `criteria: to: \`2019-01-01\` is not a revision of imrt (known: ${REVISIONS.join(', ')})\n`,
    );
  });
});

describe('criteria changelog', () => {
  it('lists all eight revisions newest first, each marked whether it needs notice', async () => {
    const log = await json(['changelog', 'imrt', '--format', 'json']);
    expect(
      log.entries.map((e: { revision: string; notice: { required: boolean }; impact: string }) => [
        e.revision,
        e.notice.required,
        e.impact,
      ]),
    ).toEqual([
      ['2023-01-10', true, 'expands-coverage'],
      ['2021-03-02', true, 'expands-coverage'],
      ['2020-07-07', false, 'administrative'],
      ['2017-12-05', false, 'expands-coverage'],
      ['2016-11-01', false, 'expands-coverage'],
      ['2016-03-01', false, 'expands-coverage'],
      ['2015-09-08', false, 'administrative'],
      ['2015-07-07', false, 'none'],
    ]);
    expect(log.entries.at(-1)).toMatchObject({
      replaces: null,
      supersededBeforeEffective: '2015-09-08',
    });
  });
});
