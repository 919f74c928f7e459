import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'criteria-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('criteria notice --format pdf', () => {
  it('writes a letter-size PDF whose text holds the due and effective dates; the same bytes twice', async () => {
    const a = join(dir, 'a.pdf');
    const b = join(dir, 'b.pdf');
    const first = await runCli(['notice', 'imrt', '2021-03-02', '--format', 'pdf', '--out', a]);
    expect([first.status, first.stdout, first.stderr]).toEqual([0, '', `criteria: wrote ${a}\n`]);
    await runCli(['notice', 'imrt', '2021-03-02', '--format', 'pdf', '--out', b], {
      today: '2030-01-01',
    });
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const text = execFileSync('pdftotext', [a, '-'], { encoding: 'utf8' });
    expect(text).toContain('Notice due by: 2021-06-02');
    expect(text).toContain('Effective: 2021-08-01');
    expect(execFileSync('pdfinfo', [a], { encoding: 'utf8' })).toContain('(letter)');
  }, 120_000);

  it('needs --out (a PDF is not text for a terminal) and writes nothing without it', async () => {
    const r = await runCli(['notice', 'imrt', '2021-03-02', '--format', 'pdf'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--out');
    expect(readdirSync(dir).filter((f) => !f.endsWith('.pdf'))).toEqual([]);
  });
});
