import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli, spawnCli } from '../support/cli.js';
import { type HostileRow, rows } from './table.js';

const check = (row: HostileRow, r: { status: number; stdout: string; stderr: string }) => {
  expect(r.stderr).toMatch(row.stderr);
  expect(r.stderr === '' ? 0 : r.stderr.trimEnd().split('\n').length).toBe(row.stderrLines ?? 1);
  expect(r.stderr).not.toMatch(/^\s+at /m); // no stack trace
  // Nothing raw reaches a terminal.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters that must not appear
  expect(r.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  if (row.stdout) expect(r.stdout).toMatch(row.stdout);
  expect(r.status).toBe(row.status);
};

describe('the CLI on hostile input (in this process)', () => {
  it.each(rows.filter((r) => !r.spawn).map((r) => [`${r.item}: ${r.name}`, r] as const))(
    '%s',
    async (_, row) => {
      const options = {
        ...(row.stdin !== undefined && { stdin: row.stdin }),
        ...(row.cwd !== undefined && { cwd: join(root, row.cwd) }),
      };
      check(row, await runCli(row.args, options));
    },
  );
});

describe('the CLI on hostile environments (in this process)', () => {
  it('10: reads a FIFO, as process substitution gives (`--requests <(zcat big.ndjson.gz)`)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'criteria-fifo-'));
    try {
      const fifo = join(dir, 'requests');
      execFileSync('mkfifo', [fifo]);
      const line = readFileSync(join(root, 'docs/examples/request.json'), 'utf8').replace(
        /\n\s*/g,
        '',
      );
      // The writer opens the FIFO when the CLI opens it to read.
      const writer = createWriteStream(fifo);
      writer.end(`${line}\n`.repeat(3));
      const r = await runCli(['evaluate', '--ndjson', '--request', fifo]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout.trimEnd().split('\n')).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('9: notice --out from another directory writes there and prints the path written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'criteria-out-'));
    try {
      const r = await runCli(['notice', 'imrt', '2023-01-10', '--out', 'x.md'], { cwd: dir });
      expect(r.stderr).toBe(`criteria: wrote ${join(dir, 'x.md')}\n`);
      expect(readFileSync(join(dir, 'x.md'), 'utf8')).toContain('2023-06-01');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the CLI on hostile input (a real process)', () => {
  it.each(rows.filter((r) => r.spawn).map((r) => [`${r.item}: ${r.name}`, r] as const))(
    '%s',
    (_, row) => {
      check(
        row,
        spawnCli(row.args, {
          ...(row.stdin !== undefined && { stdin: row.stdin }),
          ...(row.env !== undefined && { env: row.env }),
        }),
      );
    },
  );

  it('1: stops quietly (status 0, nothing on stderr) when the reader closes the pipe early', async () => {
    const line = `${JSON.stringify({ policy: 'imrt', lineOfBusiness: 'medicare', dateOfService: '2021-09-01', procedureCodes: ['77385'], indication: 'lung-cancer', documentation: [] })}\n`;
    const child = spawn(
      process.execPath,
      [
        '--conditions=@criteria/source',
        '--import',
        'tsx',
        'apps/cli/src/main.ts',
        'evaluate',
        '--ndjson',
        '--request',
        '-',
      ],
      { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (t: string) => {
      stderr += t;
    });
    child.stdin.on('error', () => {}); // the child may be gone before all input is written
    child.stdin.end(line.repeat(20_000));
    // `| head -1`: read the first line, then close the pipe.
    const first = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (t: string) => {
        out += t;
        if (out.includes('\n')) {
          child.stdout.destroy();
          resolve(out.slice(0, out.indexOf('\n')));
        }
      });
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(JSON.parse(first).route).toBe('criteria-review');
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});
