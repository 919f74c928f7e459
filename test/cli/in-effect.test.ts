import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../support/cli.js';

describe('criteria in-effect', { timeout: 120_000 }, () => {
  it('prints the revision known on the decision date (JSON)', async () => {
    const r = await runCli([
      'in-effect',
      'imrt',
      '--date',
      '2021-09-01',
      '--as-of',
      '2021-02-01',
      '--json',
    ]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ policy: 'imrt', dateOfService: '2021-09-01', asOf: '2021-02-01' });
    expect(out.revision).toMatchObject({
      id: '2020-07-07',
      approvedOn: '2020-07-07',
      effectiveOn: '2020-07-07',
      effectiveOnBasis: 'assumed',
    });
    expect(out.revision.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('prints null, exit 0, before the first revision takes effect', async () => {
    const r = await runCli(['in-effect', 'imrt', '--date', '2015-10-31', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      policy: 'imrt',
      dateOfService: '2015-10-31',
      asOf: null,
      revision: null,
    });
    const text = await runCli(['in-effect', 'imrt', '--date', '2015-10-31']);
    expect(text.stdout).toBe('imrt: no criteria revision is in effect on 2015-10-31\n');
  });

  it.each([
    ['--date', '2021-02-30'],
    ['--date', '2021-2-3'],
    ['--date', ''],
    ['--date', '2021-13-01'],
    ['--as-of', '2021-02-30'],
  ])('%s %j exits 2 naming the value', async (flag, value) => {
    const args = flag === '--date' ? ['--date', value] : ['--date', '2021-09-01', '--as-of', value];
    const r = await runCli(['in-effect', 'imrt', ...args, '--json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`criteria: ${flag}: \`${value}\` is not a calendar date YYYY-MM-DD\n`);
  });

  it('an unknown policy exits 2 and lists the known ones', async () => {
    const r = await runCli(['in-effect', 'nope', '--date', '2021-09-01']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('criteria: policy: `nope` is not a known policy (known: imrt)\n');
  });

  it('a missing option or unknown command exits 2 with one line', async () => {
    for (const args of [
      ['in-effect', 'imrt'],
      ['bogus'],
      ['in-effect', 'imrt', '--date', '2021-09-01', '--frobnicate'],
    ]) {
      const r = await runCli(args);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^criteria: /);
    }
  });

  it('the real process exits 2 with no stack trace, and prints only JSON with --json', () => {
    const bad = spawnCli(['in-effect', 'imrt', '--date', '2021-2-3']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('criteria: --date: `2021-2-3` is not a calendar date YYYY-MM-DD\n');
    const good = spawnCli([
      'in-effect',
      'imrt',
      '--date',
      '2021-09-01',
      '--as-of',
      '2021-02-01',
      '--json',
    ]);
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout).revision.id).toBe('2020-07-07');
  });
});

describe('criteria list and timeline', () => {
  it('lists every revision with its hash', async () => {
    const r = await runCli(['list', '--json']);
    const [imrt] = JSON.parse(r.stdout);
    expect(imrt.id).toBe('imrt');
    expect(imrt.revisions.map((x: { id: string }) => x.id)).toEqual([
      '2015-07-07',
      '2015-09-08',
      '2016-03-01',
      '2016-11-01',
      '2017-12-05',
      '2020-07-07',
      '2021-03-02',
      '2023-01-10',
    ]);
  });

  it('timeline shows 2015-07-07 superseded before it took effect', async () => {
    const r = await runCli(['timeline', 'imrt', '--json']);
    const { entries } = JSON.parse(r.stdout);
    expect(entries[0]).toMatchObject({
      status: 'superseded-before-effective',
      supersededBy: '2015-09-08',
    });
    expect(entries[6]).toMatchObject({
      status: 'governs',
      from: '2021-08-01',
      through: '2023-05-31',
      supersededBy: '2023-01-10',
    });
    const text = await runCli(['timeline', 'imrt']);
    expect(text.stdout).toContain(
      'none: superseded by 2015-09-08 before it took effect (decisions before 2015-09-08 only)',
    );
  });
});
