/**
 * `pnpm gen-requests --count N --seed S`: seeded synthetic IMRT requests as
 * NDJSON on stdout. Writes in chunks and waits for the pipe to drain, so a
 * million lines stream with flat memory.
 */
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { generateNdjson } from './generate.js';

const usage = 'usage: pnpm -s gen-requests --count N [--seed S] > requests.ndjson';

/** One line on stderr, status 2. */
function fail(message: string): never {
  process.stderr.write(`gen-requests: ${message} (--help for usage)\n`);
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

const options = {
  count: { type: 'string' },
  seed: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
// `--count -5` is a negative number, not a missing value: pass it on as `--count=-5` so the
// number check below gives its one clear line instead of the parser's four.
const raw = process.argv.slice(2);
const args: string[] = [];
for (let i = 0; i < raw.length; i++) {
  const a = raw[i] as string;
  const next = raw[i + 1];
  if ((a === '--count' || a === '--seed') && next !== undefined && /^-\d/.test(next)) {
    args.push(`${a}=${next}`);
    i += 1;
  } else args.push(a);
}
let values: { count?: string; seed?: string; help?: boolean };
try {
  const parsed = parseArgs({ args, options, strict: true, tokens: true });
  values = parsed.values;
  // A value option given twice would silently take the last: refuse it.
  const seen = new Set<string>();
  for (const t of parsed.tokens)
    if (t.kind === 'option' && t.value !== undefined) {
      if (seen.has(t.name)) fail(`--${t.name}: given more than once; give it once`);
      seen.add(t.name);
    }
} catch (e) {
  fail((e instanceof Error ? e.message : String(e)).split('\n')[0] ?? 'bad arguments');
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
