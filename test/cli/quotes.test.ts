/**
 * Only verbatim source text is ever quoted: every `quote` field in every JSON
 * output of every command is checked against the source document (on its line
 * when the output names one), and every span in quotation marks in the
 * Markdown and HTML notices and the changelog is found in the source.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli } from '../support/cli.js';

const source = readFileSync(
  join(root, 'policies/imrt/source/imrt-clinical-review-criteria.txt'),
  'utf8',
);
const lines = source.split('\n');
const REVISIONS = [
  '2015-07-07',
  '2015-09-08',
  '2016-03-01',
  '2016-11-01',
  '2017-12-05',
  '2020-07-07',
  '2021-03-02',
  '2023-01-10',
];

const request = (over: Record<string, unknown>) =>
  JSON.stringify({
    policy: 'imrt',
    lineOfBusiness: 'non-medicare',
    dateOfService: '2021-09-01',
    procedureCodes: ['77385'],
    indication: 'pancreatic-cancer',
    documentation: [{ kind: 'clinical-notes', specialty: 'oncology', date: '2021-08-01' }],
    ...over,
  });

/** Every JSON output the CLI gives, one per command and a spread of inputs. */
const jsonRuns: [name: string, args: string[], stdin?: string][] = [
  ['list', ['list', '--json']],
  ['timeline', ['timeline', 'imrt', '--json']],
  ['in-effect', ['in-effect', 'imrt', '--date', '2021-09-01', '--json']],
  ['codes', ['codes', 'imrt', '--date', '2016-01-01', '--json']],
  ['lint', ['lint', 'imrt', '--json']],
  ...REVISIONS.flatMap((r): [string, string[]][] => [
    [`notice ${r}`, ['notice', 'imrt', r, '--format', 'json']],
  ]),
  ['changelog', ['changelog', 'imrt', '--format', 'json']],
  ['readings', ['readings', 'imrt', '--format', 'json']],
  ...REVISIONS.slice(1).map((r, i): [string, string[]] => [
    `diff ${REVISIONS[i]} ${r}`,
    ['diff', 'imrt', REVISIONS[i] as string, r, '--format', 'json'],
  ]),
  ...[
    {},
    { lineOfBusiness: 'medicare' },
    { dateOfService: '2015-12-01', indication: 'lung-cancer' },
    { dateOfService: '2021-05-01', requestDate: '2021-02-01' },
    { dateOfService: '2023-07-01', indication: 'breast-cancer', technique: 'apbi' },
    { indication: undefined, diagnoses: ['C78.7', 'C50.911', 'C71.9'] },
    { procedureCodes: ['77418'], dateOfService: '2016-06-01' },
    { dateOfService: '2014-01-01' },
  ].map((over, i): [string, string[], string] => [
    `evaluate #${i + 1}`,
    ['evaluate', '--request', '-', '--json'],
    request(over),
  ]),
];

type Quote = { at: string; line: number | undefined; quote: string };
const quotes = (value: unknown, at: string, out: Quote[] = []): Quote[] => {
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) quotes(v, `${at}.${i}`, out);
  } else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.quote === 'string')
      out.push({ at, line: typeof o.line === 'number' ? o.line : undefined, quote: o.quote });
    for (const [k, v] of Object.entries(o)) quotes(v, `${at}.${k}`, out);
  }
  return out;
};

describe('only verbatim source text is quoted', { timeout: 120_000 }, () => {
  it.each(jsonRuns)('%s: every `quote` is on its line of the source', async (_, args, stdin) => {
    const r = await runCli(args, stdin === undefined ? {} : { stdin });
    expect(r.stderr).toBe('');
    const found = quotes(JSON.parse(r.stdout), 'output');
    const wrong = found.filter((q) =>
      q.line === undefined ? !source.includes(q.quote) : !lines[q.line - 1]?.includes(q.quote),
    );
    expect(wrong).toEqual([]);
  });

  it('the JSON outputs hold quotes at all (the walk is not vacuous)', async () => {
    const r = await runCli(['notice', 'imrt', '2021-03-02', '--format', 'json']);
    expect(quotes(JSON.parse(r.stdout), 'notice').length).toBeGreaterThan(10);
  });

  const unescapeText = (s: string) =>
    s
      .replace(/\\([\\`*_[\]<>|])/g, '$1')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  const documents: [string, string[]][] = [
    ...REVISIONS.flatMap((r) =>
      (['md', 'html'] as const).map((f): [string, string[]] => [
        `notice ${r} (${f})`,
        ['notice', 'imrt', r, '--format', f],
      ]),
    ),
    ['changelog (md)', ['changelog', 'imrt', '--format', 'md']],
    ['readings (md)', ['readings', 'imrt']],
  ];
  it.each(documents)('%s: every span in quotation marks is source text', async (_, args) => {
    const r = await runCli(args);
    const spans = [
      ...r.stdout.matchAll(/“([^”]*)”/g),
      ...r.stdout.matchAll(/<q>([^<]*)<\/q>/g),
    ].map((m) => unescapeText(m[1] as string));
    expect(spans.length).toBeGreaterThan(0);
    expect(spans.filter((s) => !source.includes(s))).toEqual([]);
  });

  it('no known paraphrase survives anywhere', async () => {
    const outputs = await Promise.all(
      [
        ...jsonRuns.map(([, a, s]) => [a, s] as const),
        ...documents.map(([, a]) => [a] as const),
      ].map(([a, s]) => runCli(a, s === undefined ? {} : { stdin: s })),
    );
    const all = outputs.map((o) => o.stdout).join('\n');
    for (const paraphrase of [
      'Added as an indication for coverage by the 2021-03-02 expansion.',
      'Breast cancer will still require medical director review.',
      'MPC approved to include indications for breast cancer (APBI).',
      'other than APBI)',
      'the record states none',
    ])
      expect(all).not.toContain(paraphrase);
  });
});
