import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../support/cli.js';

const request = {
  policy: 'imrt',
  lineOfBusiness: 'commercial',
  dateOfService: '2021-09-01',
  procedureCodes: ['77385'],
  indication: 'pancreatic-cancer',
  documentation: [],
};

describe('criteria evaluate', () => {
  it('the issue example: criteria review under 2021-03-02 with both notes missing', () => {
    const r = spawnCli(['evaluate', '--request', '-', '--json'], {
      stdin: JSON.stringify(request),
    });
    expect(r.status).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.route).toBe('criteria-review');
    expect(d.revision.id).toBe('2021-03-02');
    expect(d.documentation.missing).toEqual([
      'oncology-clinical-notes',
      'radiation-oncology-clinical-notes',
    ]);
  });

  it('dated 2021-07-31 the same request goes to the medical director; the text summary says why', async () => {
    const r = await runCli(['evaluate', '--request', '-'], {
      stdin: JSON.stringify({ ...request, dateOfService: '2021-07-31' }),
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('route:         medical-director-review');
    expect(r.stdout).toContain('revision 2021-03-02 adds it from 2021-08-01');
    expect(r.stdout).toMatch(/\[source:150\]/);
  });

  it('reads a file', async () => {
    const r = await runCli([
      'evaluate',
      '--request',
      'policies/imrt/cases/../../../test/cli/fixtures/request.json',
      '--json',
    ]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).route).toBe('not-applicable');
  });

  it('an invalid request exits 2 and lists every field error', async () => {
    const bad = {
      ...request,
      lineOfBusiness: 'medicaid',
      dateOfService: '2021-02-30',
      procedureCodes: [],
      memberName: 'Jane Doe',
    };
    const r = await runCli(['evaluate', '--request', '-', '--json'], {
      stdin: JSON.stringify(bad),
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'criteria: lineOfBusiness: `medicaid` is not one of `medicare`, `commercial`',
        'criteria: dateOfService: `2021-02-30` is not a calendar date YYYY-MM-DD',
        'criteria: procedureCodes: `[]` is not a list of at least 1 item',
        'criteria: memberName: is not a known field',
        '',
      ].join('\n'),
    );
    expect(r.stderr).not.toContain('Jane');
  });

  it('refuses text that is not JSON, an unknown policy and a missing file with exit 2', async () => {
    expect((await runCli(['evaluate', '--request', '-'], { stdin: '{"policy":' })).stderr).toMatch(
      /^criteria: request: not valid JSON/,
    );
    expect(
      (
        await runCli(['evaluate', '--request', '-'], {
          stdin: JSON.stringify({ ...request, policy: 'proton' }),
        })
      ).stderr,
    ).toBe('criteria: policy: `proton` is not a known policy (known: imrt)\n');
    const missing = await runCli(['evaluate', '--request', 'no/such.json']);
    expect(missing).toMatchObject({
      status: 2,
      stderr: 'criteria: --request: `no/such.json` cannot be read (ENOENT)\n',
    });
  });

  it('NDJSON: one determination per line; a bad line gives an error line and the rest go on', async () => {
    const lines = [
      JSON.stringify(request),
      '{oops',
      '',
      JSON.stringify({ ...request, dateOfService: '2021-07-31' }),
      JSON.stringify({ ...request, lineOfBusiness: 'x' }),
    ];
    const r = await runCli(['evaluate', '--request', '-', '--ndjson'], {
      stdin: `${lines.join('\n')}\n`,
    });
    expect(r.status).toBe(2);
    const out = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.route ?? `error@${o.line}`)).toEqual([
      'criteria-review',
      'error@2',
      'medical-director-review',
      'error@5',
    ]);
    expect(out[3].error.issues[0]).toEqual({
      path: 'lineOfBusiness',
      expected: 'one of `medicare`, `commercial`',
      // No input values on NDJSON error lines (they are kept in files): the kind of value only.
      message: 'lineOfBusiness: the string given is not one of `medicare`, `commercial`',
    });
    expect(r.stderr).toBe('criteria: 2 invalid request line(s); see the error lines on stdout\n');
  });
});
