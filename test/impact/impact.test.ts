import { readFileSync } from 'node:fs';
import { type Io, run } from '@criteria/cli';
import { describe, expect, it } from 'vitest';
import { root, runCli, spawnCli } from '../support/cli.js';

const FIXTURE = 'test/impact/fixtures/small.ndjson';
const args = (from: string, to: string, ...rest: string[]) => [
  'impact',
  'imrt',
  '--from',
  from,
  '--to',
  to,
  '--requests',
  FIXTURE,
  ...rest,
];

interface Report {
  lines: { total: number; blank: number; invalid: number; evaluated: number };
  routeChanged: number;
  unchanged: number;
  matrix: { routes: string[]; counts: number[][] };
  changes: {
    kind: string;
    from: string;
    to: string;
    count: number;
    examples: { line: number; request: Record<string, unknown> }[];
  }[];
  invalid: { lines: { line: number; issues: { path: string }[] }[]; truncated: boolean };
}

const json = async (...a: string[]): Promise<Report> => {
  const r = await runCli([...a, '--json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Report;
};
const summary = (r: Report) =>
  r.changes.map((c) => ({
    kind: c.kind,
    from: c.from,
    to: c.to,
    count: c.count,
    lines: c.examples.map((e) => e.line),
  }));

// Every figure below is explained line by line in fixtures/README.md.
// Child processes and worker threads: seconds, not milliseconds, under a loaded turbo run.
describe('criteria impact on the hand-checked file', () => {
  it('2021-03-02 → 2023-01-10: APBI leaves medical director review, MCG replaces the plan criteria, A58245 replaces A57231', async () => {
    const r = await json(...args('2021-03-02', '2023-01-10', '--examples', '10'));
    expect(r.lines).toEqual({ total: 17, blank: 1, invalid: 3, evaluated: 13 });
    expect(r.routeChanged).toBe(4);
    expect(r.unchanged).toBe(2);
    expect(r.matrix).toEqual({
      routes: [
        'not-applicable',
        'no-criteria-in-effect',
        'medical-director-review',
        'criteria-review',
      ],
      counts: [
        [2, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 1, 4],
        [0, 0, 0, 6],
      ],
    });
    expect(summary(r)).toEqual([
      {
        kind: 'route',
        from: 'medical-director-review',
        to: 'criteria-review',
        count: 4,
        lines: [1, 2, 15, 17],
      },
      {
        kind: 'criteria',
        from: 'plan-criteria kp-imrt-criteria',
        to: 'mcg-guideline KP-0455',
        count: 9,
        lines: [1, 2, 3, 4, 9, 10, 15, 16, 17],
      },
      {
        kind: 'criteria',
        from: 'lcd L34080, billing-article A57231',
        to: 'lcd L34080, billing-article A58245',
        count: 2,
        lines: [5, 6],
      },
    ]);
    expect(r.invalid).toEqual({
      lines: [
        { line: 11, issues: [{ path: '', expected: 'a JSON request on one line' }] },
        { line: 13, issues: [{ path: 'dateOfService', expected: 'a calendar date YYYY-MM-DD' }] },
        { line: 14, issues: [{ path: 'policy', expected: 'the policy being evaluated (`imrt`)' }] },
      ],
      truncated: false,
    });
  });

  it('2017-12-05 → 2020-07-07: the request for the deleted code 77418 leaves the policy', async () => {
    const r = await json(...args('2017-12-05', '2020-07-07'));
    expect(r.routeChanged).toBe(1);
    expect(r.unchanged).toBe(10);
    expect(r.matrix.counts).toEqual([
      [1, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 7, 0],
      [1, 0, 0, 4],
    ]);
    expect(summary(r)).toEqual([
      { kind: 'route', from: 'criteria-review', to: 'not-applicable', count: 1, lines: [8] },
      {
        kind: 'criteria',
        from: 'lcd L34251, lcd L34080',
        to: 'lcd L34080, billing-article A57231',
        count: 2,
        lines: [5, 6],
      },
      {
        kind: 'criteria',
        from: 'plan-criteria kp-imrt-criteria',
        to: '(none)',
        count: 1,
        lines: [8],
      },
      {
        kind: 'documentation',
        from: 'required oncology-clinical-notes, radiation-oncology-clinical-notes; complete',
        to: 'required (none); complete',
        count: 1,
        lines: [8],
      },
    ]);
  });

  it('shows examples without member identifiers, and never prints member data', async () => {
    const r = await runCli([...args('2021-03-02', '2023-01-10', '--examples', '10'), '--json']);
    expect(r.stdout).not.toContain('M000000042');
    expect(r.stdout).not.toContain('Jane');
    expect(r.stdout).not.toContain('req-42');
    const text = await runCli(args('2021-03-02', '2023-01-10', '--examples', '10'));
    expect(text.stdout).not.toContain('Jane');
    const line15 = JSON.parse(readFileSync(`${root}${FIXTURE}`, 'utf8').split('\n')[14] ?? '');
    expect(line15.member).toBeDefined();
  });

  it('prints a report for people', async () => {
    const r = await runCli(args('2021-03-02', '2023-01-10', '--examples', '1'));
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatchSnapshot();
  });

  it('reads the requests from stdin with -', async () => {
    const stdin = readFileSync(`${root}${FIXTURE}`, 'utf8');
    const a = await runCli(
      ['impact', 'imrt', '--from', '2021-03-02', '--to', '2023-01-10', '--requests', '-', '--json'],
      { stdin },
    );
    const b = await runCli([...args('2021-03-02', '2023-01-10'), '--json']);
    expect(a.stdout).toBe(b.stdout);
  });

  it('gives the identical report with --workers 2 (a real process, worker threads)', () => {
    const one = spawnCli([...args('2021-03-02', '2023-01-10'), '--json']);
    // The fixture is small: by default no worker would start, so one is started at once.
    const two = spawnCli([
      ...args('2021-03-02', '2023-01-10'),
      '--json',
      '--workers',
      '2',
      '--workers-after',
      '0',
    ]);
    const defaults = spawnCli([...args('2021-03-02', '2023-01-10'), '--json', '--workers', '2']);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(two.stderr).toBe('');
    expect(two.stdout).toBe(one.stdout);
    expect(defaults.stdout).toBe(one.stdout);
  });

  it('refuses unknown revisions, missing files and bad counts with one line and status 2', async () => {
    const bad = [
      [args('2021-03-02', '2024-01-01'), '--to: `2024-01-01` is not a revision of imrt'],
      [args('2021-03-02', '2023-01-10', '--workers', '0'), '--workers: `0` is not a whole number'],
      [
        args('2021-03-02', '2023-01-10', '--workers-after', '-1'),
        '--workers-after: `-1` is not a whole number of at least 0',
      ],
      [
        [
          'impact',
          'imrt',
          '--from',
          '2021-03-02',
          '--to',
          '2023-01-10',
          '--requests',
          'nope.ndjson',
        ],
        '--requests: `nope.ndjson` cannot be read (ENOENT)',
      ],
    ] as const;
    for (const [a, message] of bad) {
      const r = await runCli(a);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});

describe('criteria impact progress', () => {
  const line = readFileSync(`${root}${FIXTURE}`, 'utf8').split('\n')[0] ?? '';
  const stdin = `${line}\n`.repeat(3000);
  const io = (tty: boolean) => {
    const out = { stdout: '', stderr: '' };
    const value: Io = {
      stdout: (t) => {
        out.stdout += t;
      },
      stderr: (t) => {
        out.stderr += t;
      },
      stdin: async function* () {
        yield stdin;
      },
      stderrIsTty: tty,
      today: () => '2026-11-26',
      cwd: root,
    };
    return { out, value };
  };
  const argv = ['impact', 'imrt', '--from', '2021-03-02', '--to', '2023-01-10', '--requests', '-'];

  it('draws a progress line with the rate on a terminal, and clears it', async () => {
    const { out, value } = io(true);
    expect(await run(argv, value)).toBe(0);
    const clear = '\r\u001b[2K';
    expect(out.stderr.startsWith(clear)).toBe(true);
    expect(out.stderr.slice(clear.length)).toMatch(/^[\d,]+ requests {2}[\d,]+\/s/);
    expect(out.stderr.endsWith('\r\x1b[2K')).toBe(true);
    expect(out.stdout).toContain('route changed: 3,000');
  });

  it('writes nothing on stderr when it is not a terminal', async () => {
    const { out, value } = io(false);
    expect(await run(argv, value)).toBe(0);
    expect(out.stderr).toBe('');
  });
});
