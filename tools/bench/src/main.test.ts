import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--conditions=@criteria/source', '--import', 'tsx', main, ...args], {
    encoding: 'utf8',
  });

describe('bench (the program)', () => {
  it('refuses a bad flag with one line naming it, status 2, and runs nothing', () => {
    for (const [args, message] of [
      [
        ['--impact-lines', 'abc'],
        '--impact-lines: `abc` is not a whole number from 1 to 999999999',
      ],
      [['--time', '0'], '--time: `0` is not a whole number from 1 to 999999999'],
      [['--impact-rounds', '0'], '--impact-rounds: `0` is not a whole number from 1 to 999999999'],
      [['--import-runs', '1e3'], '--import-runs: `1e3` is not a whole number from 1 to 999999999'],
      [['--rows', 'impact-1,nope'], '--rows: `nope` is not a bench row (json-parse,'],
      [['--colour'], "Unknown option '--colour'"],
      // A control character in a value is shown escaped, never sent to the terminal.
      [['--time', '\u001b[2J'], '--time: `\\u001b[2J` is not a whole number from 1 to 999999999'],
    ] as const) {
      const r = run(...args, '--no-service');
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.startsWith(`bench: ${message}`), r.stderr).toBe(true);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 120_000);
});
