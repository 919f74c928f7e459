import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateNdjson } from './generate.js';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--conditions=@criteria/source', '--import', 'tsx', main, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });

describe('gen-requests (the program)', () => {
  it('writes what generateNdjson gives, the same on every run', () => {
    const a = run('--count', '2500', '--seed', '3');
    expect(a.status).toBe(0);
    expect(a.stderr).toBe('');
    expect(a.stdout).toBe([...generateNdjson({ count: 2500, seed: 3 })].join(''));
    expect(run('--count', '2500', '--seed', '3').stdout).toBe(a.stdout);
  }, 60_000);

  it('refuses bad arguments with one line and status 2', () => {
    for (const [args, message] of [
      [['--count', '1e6'], '--count: `1e6` is not a whole number from 0 to 4294967295'],
      // Issue 11: a negative count gave the parser's four lines; a repeated flag took the last.
      [['--count', '-5'], '--count: `-5` is not a whole number from 0 to 4294967295'],
      [['--count', '3', '--count', '4'], '--count: given more than once; give it once'],
    ] as const) {
      const r = run(...args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`gen-requests: ${message} (--help for usage)\n`);
    }
  });
});
