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

describe('criteria notice', { timeout: 120_000 }, () => {
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
      // the switch from the plan's criteria to MCG KP-0455 is substantive, never administrative
      impact: 'substantive',
      releaseType: 'major',
      linesOfBusiness: ['medicare', 'non-medicare'],
      producedOn: '2023-04-02',
      policy: {
        plan: 'Kaiser Foundation Health Plan of Washington and Kaiser Foundation Health Plan of Washington Options, Inc.',
        planCites: [{ line: 11 }],
      },
    });
    // A58245 was retired on 2023-11-01, after the notice was due: the notice does not know it
    expect(r.stdout).not.toContain('2023-11-01');
  });

  it('2021-03-02: due by 2021-06-02, 152 days of lead; eight indications named (stated), seven route changes (readings)', async () => {
    const n = await json(['notice', 'imrt', '2021-03-02', '--format', 'json']);
    expect(n).toMatchObject({ noticeDueBy: '2021-06-02', leadDays: 152, compliant: true });
    const seven = [
      'cholangiocarcinoma',
      'gallbladder-carcinoma',
      'gastric-cancer',
      'hepatocellular-carcinoma',
      'liver-metastases',
      'lymphoma-mediastinal',
      'pancreatic-cancer',
    ];
    expect(
      n.changes.map((c: { subject: string; basis: { kind: string } }) => [c.subject, c.basis.kind]),
    ).toEqual([
      ...seven.map((i) => [`indication:${i}`, 'stated']),
      ['indication:breast-cancer', 'stated'],
      ...seven.map((i) => [`route:non-medicare:${i}`, 'reading']),
    ]);
    const ids = n.howWeRead.map((r: { id: string }) => r.id);
    expect(ids).toContain('pancreatic-cancer-before-2021-03-02');
    expect(ids).toContain('other-indications-criteria-review');
  });

  it('2015-07-07 says it was superseded before taking effect, and governed no date of service', async () => {
    const n = await json(['notice', 'imrt', '2015-07-07', '--format', 'json']);
    expect(n.supersededBeforeEffective).toEqual({
      by: '2015-09-08',
      approvedOn: '2015-09-08',
      effectiveOn: '2015-11-01',
    });
    const md = await runCli(['notice', 'imrt', '2015-07-07']);
    expect(md.stdout).toContain(
      'Revision 2015-07-07 was superseded before it took effect: revision 2015-09-08, approved 2015-09-08, takes effect 2015-11-01. Revision 2015-07-07 governed no date of service, only decisions made before 2015-09-08 about dates of service from 2015-11-01.',
    );
    expect(md.stdout).not.toContain('governs dates of service from');
  });

  it('the production date is an input: by default the due date, never the clock', async () => {
    const n = await json([
      'notice',
      'imrt',
      '2023-01-10',
      '--format',
      'json',
      '--produced-on',
      '2023-12-01',
    ]);
    expect(n.producedOn).toBe('2023-12-01');
    const md = await runCli(['notice', 'imrt', '2023-01-10', '--produced-on', '2023-12-01']);
    expect(md.stdout).toContain('retired 2023-11-01 and still applied');
    const bad = await runCli(['notice', 'imrt', '2023-01-10', '--produced-on', '2023-02-30']);
    expect([bad.status, bad.stderr]).toEqual([
      2,
      'criteria: --produced-on: `2023-02-30` is not a calendar date YYYY-MM-DD\n',
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
    expect(md.stdout).toContain('- **Advance notice:** not stated');
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
  it('2017-12-05 → 2021-03-02 names eight indications; the seven of the expansion change route (readings)', async () => {
    const d = await json(['diff', 'imrt', '2017-12-05', '2021-03-02', '--format', 'json']);
    expect(d.readings).toMatchObject({ edition: '2026-11-28' });
    const added = d.changes.filter((c: { kind: string }) => c.kind === 'indication-added');
    expect(added.map((c: { after: { label: string } }) => c.after.label)).toEqual([
      'Cholangiocarcinoma',
      'Gallbladder carcinoma',
      'Gastric cancer',
      'Hepatocellular carcinoma',
      'Liver metastases',
      'Lymphoma with mediastinal involvement, in proximity to lung and heart',
      'Pancreatic cancer',
      'Breast cancer',
    ]);
    const routes = d.changes.filter((c: { kind: string }) => c.kind === 'route-changed');
    expect(routes).toHaveLength(7);
    expect(routes[6]).toMatchObject({
      line: 'non-medicare',
      indication: 'pancreatic-cancer',
      before: { route: 'medical-director-review', reading: 'pancreatic-cancer-before-2021-03-02' },
      after: { route: 'criteria-review', reading: 'other-indications-criteria-review' },
      impact: 'expands-coverage',
    });
    // L34251 dropped between them (a reading): substantive
    expect(d.counts).toEqual({
      'expands-coverage': 15,
      'restricts-coverage': 0,
      substantive: 1,
      administrative: 2,
      record: 5,
    });
    expect(d.impact).toBe('substantive');
  });

  it('2017-12-05 → 2020-07-07: 77418 removed as a deleted code and article A57231 added, both administrative; L34251 dropped is substantive', async () => {
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
      rule: 'billing-article-citation',
      after: { kind: 'billing-article', id: 'A57231' },
    });
    expect(pick('source:medicare:L34251')).toMatchObject({
      impact: 'substantive',
      rule: 'criteria-source-removed',
    });
    expect(d.impact).toBe('substantive');
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
        // removing a deleted code is administrative, listing it again is not: the one unmirrored pair
        const deleted = ab.changes.some((c: { rule: string }) => c.rule === 'deleted-code-removed')
          ? 1
          : ab.changes.some((c: { rule: string }) => c.rule === 'deleted-code-listed')
            ? -1
            : 0;
        expect(ba.counts).toEqual({
          'expands-coverage': ab.counts['restricts-coverage'],
          'restricts-coverage': ab.counts['expands-coverage'],
          substantive: ab.counts.substantive + deleted,
          administrative: ab.counts.administrative - deleted,
          record: ab.counts.record,
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
      ['2023-01-10', true, 'substantive'],
      ['2021-03-02', true, 'expands-coverage'],
      ['2020-07-07', false, 'substantive'],
      ['2017-12-05', false, 'expands-coverage'],
      ['2016-11-01', false, 'expands-coverage'],
      ['2016-03-01', false, 'expands-coverage'],
      ['2015-09-08', false, 'substantive'],
      ['2015-07-07', false, 'none'],
    ]);
    expect(log.entries.at(-1)).toMatchObject({
      replaces: null,
      supersededBeforeEffective: { by: '2015-09-08' },
    });
  });
});
