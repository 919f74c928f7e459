import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bench = fileURLToPath(new URL('../bench/service.ts', import.meta.url));
const run = (...args: string[]) =>
  spawnSync(
    process.execPath,
    ['--conditions=@criteria/source', '--import', 'tsx', bench, ...args],
    { encoding: 'utf8' },
  );

describe('the service bench (the program)', () => {
  it('refuses a bad flag with one line naming it, status 2, and starts no server', () => {
    for (const [args, message] of [
      [['--duration', 'abc'], '--duration: `abc` is not a whole number from 1 to 3600'],
      [['--connections=-3'], '--connections: `-3` is not a whole number from 1 to 1000'],
      [['--connections', '-3'], "Option '--connections' argument is ambiguous."],
      [['--rounds', '0'], '--rounds: `0` is not a whole number from 1 to 100'],
      [['--alg', 'HS256'], '--alg: `HS256` is not one of RS256,'],
      // A control character in a value is shown escaped, never sent to the terminal.
      [['--alg', 'RS\u001b[2J'], '--alg: `RS\\u001b[2J` is not one of RS256,'],
      [['--bogus'], "Unknown option '--bogus'"],
    ] as const) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.startsWith(`crd bench: ${message}`), r.stderr).toBe(true);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 120_000);
});
