import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('criteria codes', () => {
  it('lists 77418 as a deleted code in scope before 2020-07-07 and not after', async () => {
    const before = JSON.parse(
      (await runCli(['codes', 'imrt', '--date', '2020-07-06', '--json'])).stdout,
    );
    expect(before.revision.id).toBe('2017-12-05');
    expect(before.codes.find((c: { code: string }) => c.code === '77418')).toEqual({
      code: '77418',
      system: 'CPT',
      label: 'IMRT delivery (deleted code)',
      descriptor: null,
      deleted: true,
    });
    const after = JSON.parse(
      (await runCli(['codes', 'imrt', '--date', '2020-07-07', '--json'])).stdout,
    );
    expect(after.codes.map((c: { code: string }) => c.code)).toEqual([
      '77301',
      '77338',
      '77385',
      '77386',
      '77387',
      'G6015',
      'G6016',
      'G6017',
    ]);
  });

  it('shows a licensed deployment its own descriptors, our labels where the file has none', async () => {
    const r = await runCli([
      'codes',
      'imrt',
      '--date',
      '2024-01-01',
      '--descriptors',
      'test/cli/fixtures/descriptors.tsv',
    ]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('77385  CPT     Licensed descriptor A');
    expect(r.stdout).toContain('77301  CPT     (not in the file) IMRT treatment plan');
  });

  it('defaults to today and says when nothing is in effect', async () => {
    expect((await runCli(['codes', 'imrt'], { today: '2015-10-31' })).stdout).toBe(
      'imrt: no criteria revision is in effect on 2015-10-31\n',
    );
  });

  it('refuses a bad descriptors file or date with exit 2, naming the line or value', async () => {
    const bad = await runCli(['codes', 'imrt', '--descriptors', 'test/cli/fixtures/request.json']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(
      /^criteria: --descriptors test\/cli\/fixtures\/request.json: line 1: /,
    );
    expect((await runCli(['codes', 'imrt', '--date', '2021-02-30'])).stderr).toBe(
      'criteria: --date: `2021-02-30` is not a calendar date YYYY-MM-DD\n',
    );
  });
});
