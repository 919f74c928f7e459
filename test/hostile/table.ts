/**
 * Hostile inputs for the `criteria` CLI, one row each: what was run, what it
 * read, and what a user must see (the exit status and the message). A new
 * hostile input found is one more row. Rows run in this process (`runCli`)
 * unless `spawn` is set: only what needs a real process (exit codes of the
 * real program, /dev/stdin, the environment pnpm sets) spawns one.
 */
import { root } from '../support/cli.js';

export interface HostileRow {
  name: string;
  /** The issue-11 item it guards (or another origin). */
  item: string;
  args: readonly string[];
  stdin?: string;
  /** Directory relative to the repository root the command runs from. */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  status: number;
  /** The whole of stderr; one line unless `stderrLines` says otherwise. */
  stderr: RegExp;
  stderrLines?: number;
  stdout?: RegExp;
  spawn?: boolean;
}

const request = {
  policy: 'imrt',
  lineOfBusiness: 'medicare',
  dateOfService: '2021-09-01',
  procedureCodes: ['77385'],
  indication: 'lung-cancer',
  documentation: [],
};
const json = JSON.stringify(request);
/** The request with `field` set to the raw JSON text `raw`. */
const withField = (field: string, raw: string) =>
  JSON.stringify({ ...request, [field]: '@@' }).replace('"@@"', raw);
const deep = `${'['.repeat(5000)}"x"${']'.repeat(5000)}`;
const impact = ['impact', 'imrt', '--from', '2021-03-02', '--to', '2023-01-10', '--requests', '-'];
const ndjson = ['evaluate', '--ndjson', '--request', '-'];

export const rows: readonly HostileRow[] = [
  // 2. deep values: an issue, never an exception
  {
    name: 'a value nested 5,000 deep in a request',
    item: '2',
    args: ['evaluate', '--request', '-'],
    stdin: withField('procedureCodes', deep),
    status: 2,
    stderr: /^criteria: procedureCodes\.0: `\[\[\[\[\.\.\.\]\]\]\]` is not a string\n$/,
  },
  {
    name: 'a value nested 5,000 deep on an NDJSON line: the next line is still evaluated',
    item: '2',
    args: ndjson,
    stdin: `${withField('requestId', deep)}\n${json}\n`,
    status: 2,
    stderr: /^criteria: 1 invalid request line\(s\); see the error lines on stdout\n$/,
    stdout:
      /^\{"line":1,"error":\{"code":"invalid_request".*\n\{"schemaVersion":2,.*"route":"criteria-review".*\n$/,
  },
  {
    name: 'a value nested 5,000 deep in impact: counted, the report goes on',
    item: '2',
    args: impact,
    stdin: `${withField('requestId', deep)}\n${json}\n`,
    status: 0,
    stderr: /^$/,
    stderrLines: 0,
    stdout:
      /1 requests evaluated \(2 lines: 1 invalid, 0 blank\)[\s\S]*line 1: requestId: expected a string/,
  },
  // 4. one enormous line
  {
    name: 'an NDJSON line longer than the cap is a numbered invalid line',
    item: '4',
    args: ndjson,
    stdin: `${json}\n${'x'.repeat(1_000_001)}\n${json}\n`,
    status: 2,
    stderr: /^criteria: 1 invalid request line\(s\)/,
    stdout:
      /^\{"schemaVersion".*\n\{"line":2,"error":\{"code":"invalid_request","issues":\[\{"path":"","expected":"a request of at most 1,000,000 characters","message":"request: 1,000,001 characters is not a request of at most 1,000,000 characters"\}\]\}\}\n\{"schemaVersion".*\n$/,
  },
  {
    name: 'a line longer than the cap in impact',
    item: '4',
    args: impact,
    stdin: `${'x'.repeat(1_000_001)}\n${json}\n`,
    status: 0,
    stderr: /^$/,
    stderrLines: 0,
    stdout:
      /line 1: request: expected a request of at most 1,000,000 characters \(this line has 1,000,001\)/,
  },
  {
    name: 'a single request longer than the cap',
    item: '4',
    args: ['evaluate', '--request', '-'],
    stdin: ' '.repeat(1_000_002),
    status: 2,
    stderr: /^criteria: --request: `-` is longer than 1,000,000 characters\n$/,
  },
  {
    name: 'a --descriptors file longer than the cap',
    item: '4 (issue 12)',
    args: ['codes', 'imrt', '--date', '2021-09-01', '--descriptors', '-'],
    stdin: `77385\tx\n${' '.repeat(10_000_001)}`,
    status: 2,
    stderr: /^criteria: --descriptors: `-` is longer than 10,000,000 characters\n$/,
  },
  {
    name: 'a --descriptors file of 100,000 bad lines lists 20 and counts the rest',
    item: '4 (issue 12)',
    args: ['codes', 'imrt', '--date', '2021-09-01', '--descriptors', '-'],
    stdin: Array.from({ length: 100_000 }, (_, i) => `x${i}\tx`).join('\n'),
    status: 2,
    stderr:
      /^criteria: --descriptors -: line 1: `x0` is not a CPT or HCPCS code .*; line 20: `x19` .*; and 99,980 more\n$/,
  },
  {
    name: 'notice --format pdf without --out',
    item: 'issue 12',
    args: ['notice', 'imrt', '2023-01-10', '--format', 'pdf'],
    status: 2,
    stderr:
      /^criteria: --out is required with --format pdf: a PDF is written to a file \(--out FILE\), not to standard output\n$/,
    stdout: /^$/,
  },
  // 5. workers
  {
    name: '--workers 1000 is clamped to the cores, said in one line',
    item: '5',
    args: [...impact, '--workers', '1000'],
    stdin: `${json}\n`,
    status: 0,
    stderr: /^criteria: --workers 1000: using \d+, the number of cores\n$/,
    stdout: /1 requests evaluated/,
  },
  {
    name: '--workers with 20 digits',
    item: '5',
    args: [...impact, '--workers', '99999999999999999999'],
    stdin: `${json}\n`,
    status: 0,
    stderr: /^criteria: --workers 999999999\.\.\.: using \d+, the number of cores\n$/,
  },
  {
    name: '--workers 0',
    item: '5',
    args: [...impact, '--workers', '0'],
    status: 2,
    stderr: /^criteria: --workers: `0` is not a whole number of at least 1\n$/,
  },
  {
    name: '--examples with 20 digits',
    item: '5',
    args: [...impact, '--examples', '99999999999999999999'],
    status: 2,
    stderr: /^criteria: --examples: `99999999999999999999` is not a whole number of at least 0\n$/,
  },
  // 6. not an object: one message everywhere
  ...(['[]', '42', 'null', '"x"'] as const).map(
    (text): HostileRow => ({
      name: `a request that is not an object: ${text}`,
      item: '6',
      args: ['evaluate', '--request', '-'],
      stdin: text,
      status: 2,
      // A string is shown as written, without JSON's quotes.
      stderr: new RegExp(
        `^criteria: input: \`${(text === '"x"' ? 'x' : text).replace(/[[\]]/g, '\\$&')}\` is not an object\\n$`,
      ),
    }),
  ),
  {
    name: 'a request that is not an object, on an NDJSON line and in impact',
    item: '6',
    args: impact,
    stdin: '[]\n',
    status: 0,
    stderr: /^$/,
    stderrLines: 0,
    stdout: /line 1: request: expected an object/,
  },
  {
    name: 'an unknown policy still lists every other field error',
    item: '6',
    args: ['evaluate', '--request', '-'],
    stdin: JSON.stringify({ ...request, policy: 'proton', dateOfService: '2021-02-30' }),
    status: 2,
    stderrLines: 2,
    stderr:
      /^criteria: policy: `proton` is not a known policy \(known: imrt\)\ncriteria: dateOfService: `2021-02-30` is not a calendar date YYYY-MM-DD\n$/,
  },
  // 7. byte-order marks
  {
    name: 'a byte-order mark before a JSON request',
    item: '7',
    args: ['evaluate', '--request', '-', '--json'],
    stdin: `\uFEFF${json}`,
    status: 0,
    stderr: /^$/,
    stderrLines: 0,
    stdout: /"route": "criteria-review"/,
  },
  {
    name: 'a byte-order mark before the first NDJSON line',
    item: '7',
    args: ndjson,
    stdin: `\uFEFF${json}\n${json}\n`,
    status: 0,
    stderr: /^$/,
    stderrLines: 0,
  },
  {
    name: 'a byte-order mark before the first line in impact',
    item: '7',
    args: impact,
    stdin: `\uFEFF${json}\n`,
    status: 0,
    stderr: /^$/,
    stderrLines: 0,
    stdout: /1 requests evaluated \(1 lines: 0 invalid/,
  },
  // 8. control characters are escaped
  {
    name: 'a control character in --date',
    item: '8',
    args: ['in-effect', 'imrt', '--date', '2021-01-01\u0001'],
    status: 2,
    stderr: /^criteria: --date: `2021-01-01\\u0001` is not a calendar date YYYY-MM-DD\n$/,
  },
  {
    name: 'an escape sequence in a policy id',
    item: '8',
    args: ['in-effect', '\u001b]0;pwned\u0007', '--date', '2021-01-01'],
    status: 2,
    stderr: /^criteria: policy: `\\u001b\]0;pwned\\u0007` is not a known policy \(known: imrt\)\n$/,
  },
  {
    name: 'an escape sequence in an unknown option',
    item: '8',
    args: ['list', '--\u001b[31mred'],
    status: 2,
    stderr: /^criteria: unknown option '--\\u001b\[31mred'\n$/,
  },
  {
    name: 'an escape sequence in a file name',
    item: '8',
    args: ['evaluate', '--request', 'no\u001b[2Jsuch.json'],
    status: 2,
    stderr: /^criteria: --request: `no\\u001b\[2Jsuch\.json` cannot be read \(ENOENT\)\n$/,
  },
  {
    name: 'an escape sequence in an unknown field name',
    item: '8',
    args: ['evaluate', '--request', '-'],
    stdin: withField('\u001b[2J', '1'),
    status: 2,
    stderr: /^criteria: \\u001b\[2J: is not a known field\n$/,
  },
  // 9. relative paths from the caller's directory
  {
    name: 'a relative path read from a subdirectory',
    item: '9',
    args: ['evaluate', '--request', 'examples/request.json', '--json'],
    cwd: 'docs',
    status: 0,
    stderr: /^$/,
    stderrLines: 0,
    stdout: /"route"/,
  },
  {
    name: 'pnpm criteria from docs/: INIT_CWD is the caller directory',
    item: '9',
    args: ['evaluate', '--request', 'examples/request.json', '--json'],
    env: { INIT_CWD: `${root}docs`, npm_lifecycle_event: 'criteria' },
    status: 0,
    stderr: /^$/,
    stderrLines: 0,
    spawn: true,
  },
  // 10. any readable stream
  {
    name: '/dev/stdin as the request file',
    item: '10',
    args: ['evaluate', '--request', '/dev/stdin', '--json'],
    stdin: json,
    status: 0,
    stderr: /^$/,
    stderrLines: 0,
    stdout: /"route": "criteria-review"/,
  },
  {
    name: 'a directory as the request file',
    item: '10',
    args: ['evaluate', '--request', 'docs'],
    status: 2,
    stderr: /^criteria: --request: `docs` cannot be read \(EISDIR: it is a directory\)\n$/,
  },
  // 11. repeated values, long error lists
  {
    name: '100,000 bad codes: the first 20 listed, then how many more',
    item: '11',
    args: ['evaluate', '--request', '-'],
    stdin: JSON.stringify({ ...request, procedureCodes: Array(100_000).fill('bad') }),
    status: 2,
    stderrLines: 21,
    stderr:
      /^(criteria: procedureCodes\.\d+: `bad` is not a CPT code .*\n){20}criteria: and 99,980 more\n$/,
  },
  {
    name: '100,000 repeated diagnoses give a small determination',
    item: '11',
    args: ['evaluate', '--request', '-', '--json'],
    stdin: JSON.stringify({
      ...request,
      indication: undefined,
      diagnoses: Array(100_000).fill('C34.90'),
    }),
    status: 0,
    stderr: /^$/,
    stderrLines: 0,
    stdout: /^[\s\S]{1,20000}$/,
  },
  // 12. repeated flags
  {
    name: 'a repeated --date',
    item: '12',
    args: ['in-effect', 'imrt', '--date', '2021-01-01', '--date', '2022-01-01'],
    status: 2,
    stderr:
      /^criteria: --date: given more than once \(`2021-01-01`, then `2022-01-01`\); give it once\n$/,
  },
  {
    name: 'a repeated --format (an option with a default)',
    item: '12',
    args: ['changelog', 'imrt', '--format', 'md', '--format', 'json'],
    status: 2,
    stderr: /^criteria: --format: given more than once \(`md`, then `json`\); give it once\n$/,
  },
  // 13. no input values where member data may be
  {
    name: 'an invalid NDJSON line shows no values, and nothing under member',
    item: '13',
    args: ndjson,
    stdin: `${JSON.stringify({ ...request, dateOfService: 'Jane Doe', member: 'Jane Doe' })}\n`,
    status: 2,
    stderr: /^criteria: 1 invalid request line/,
    stdout:
      /^(?!.*Jane).*"message":"dateOfService: the string given is not a calendar date YYYY-MM-DD".*"message":"member: the string given is not a record".*\n$/,
  },
  {
    name: 'an invalid request on the terminal shows its values, but never under member',
    item: '13',
    args: ['evaluate', '--request', '-'],
    stdin: JSON.stringify({ ...request, lineOfBusiness: 'x', member: 'Jane Doe' }),
    status: 2,
    stderrLines: 2,
    stderr:
      /^criteria: lineOfBusiness: `x` is not one of .*\ncriteria: member: the string given is not a record\n$/,
  },
];
