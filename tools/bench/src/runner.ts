/**
 * Runs each row of the bench in a fresh process of its own. A row that keeps
 * objects (10,000 determinations for `JSON.stringify`) makes V8 allocate
 * later objects of the same sites straight in old space (allocation-site
 * pretenuring), which slowed `evaluate` 2-3× when every row shared one
 * process. Here no row can see what another kept, whatever their order.
 */
import { spawn } from 'node:child_process';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildReport } from './child.js';
import type { BenchOptions } from './row.js';
import { ROW_IDS } from './rows/index.js';

/**
 * `node child.js` from the build; from the sources (tests, `tsx`), the child
 * runs child.ts under tsx with the source condition.
 */
function childCommand(): string[] {
  const ext = extname(fileURLToPath(import.meta.url));
  const child = fileURLToPath(new URL(`./child${ext}`, import.meta.url));
  if (ext !== '.ts') return [child];
  return ['--conditions=@criteria/source', '--import', import.meta.resolve('tsx'), child];
}

/** Runs row `id` in a fresh node process and gives its report. stderr passes through. */
export function runRow<T = unknown>(id: string, options: BenchOptions): Promise<ChildReport<T>> {
  if (!ROW_IDS.includes(id))
    return Promise.reject(new Error(`no bench row \`${id}\` (known: ${ROW_IDS.join(', ')})`));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...childCommand(), id, JSON.stringify(options)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, CRITERIA_BENCH_CHILD: '1' },
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || last === '')
        return reject(new Error(`bench row ${id}: its process exited with code ${code}`));
      resolve(JSON.parse(last) as ChildReport<T>);
    });
  });
}

/** Runs the rows one after another, each in its own process, and gives their reports by id. */
export async function runRows(
  ids: readonly string[],
  options: BenchOptions,
  onRow: (id: string) => void = () => {},
): Promise<Map<string, ChildReport>> {
  const once = await runRounds(ids, 1, options, onRow);
  return new Map([...once].flatMap(([id, [r]]) => (r === undefined ? [] : [[id, r] as const])));
}

/**
 * Runs the rows `rounds` times, interleaved: each round runs every row once,
 * in order, each in its own process. Rows compared as a ratio then share the
 * same minutes of the machine, round by round (its speed drifts by tens of
 * percent from one minute to the next when other work runs on it).
 */
export async function runRounds(
  ids: readonly string[],
  rounds: number,
  options: BenchOptions,
  onRow: (id: string, round: number) => void = () => {},
): Promise<Map<string, ChildReport[]>> {
  const reports = new Map<string, ChildReport[]>(ids.map((id) => [id, []]));
  for (let round = 1; round <= rounds; round++)
    for (const id of ids) {
      onRow(id, round);
      reports.get(id)?.push(await runRow(id, options));
    }
  return reports;
}
