/**
 * `pnpm gen-requests --count N --seed S`: seeded synthetic IMRT requests as
 * NDJSON on stdout. Writes in chunks and waits for the pipe to drain, so a
 * million lines stream with flat memory.
 */
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { generateNdjson } from './generate.js';

const usage = 'usage: pnpm -s gen-requests --count N [--seed S] > requests.ndjson';

function fail(message: string): never {
  process.stderr.write(`gen-requests: ${message}\n${usage}\n`);
  process.exit(2);
}

function integer(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) fail(`--${name} is required`);
    return fallback;
  }
  if (!/^\d+$/.test(value) || Number(value) > 0xffffffff)
    fail(`--${name}: \`${value}\` is not a whole number from 0 to 4294967295`);
  return Number(value);
}

let values: { count?: string; seed?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      count: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const count = integer('count', values.count);
const seed = integer('seed', values.seed, 1);

// A closed pipe (`| head`) ends the run quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
for (const chunk of generateNdjson({ count, seed })) {
  if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
}
