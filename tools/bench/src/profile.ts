/**
 * `pnpm --filter @criteria/bench profile`: a CPU profile of `evaluate` in a
 * fresh process (the built packages, the bench mix evaluated `--passes` times
 * after a warm-up), summarised as self time by package and by function.
 * Writes the .cpuprofile under bench/ for a closer look (Chrome DevTools).
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

/** Where a frame's code lives: a package (ours or a dependency), node itself, or V8's own buckets. */
export function bucketOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node';
  const dep = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (dep?.[1]) return dep[1];
  const ours = /\/(packages|policies|tools|apps)\/([^/]+)\//.exec(url);
  return ours ? `@criteria/${ours[2]}` : url;
}

/** Self time by bucket and by function, as fractions of the profile's samples. */
export function summarise(profile: Profile) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const buckets = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const id of profile.samples) {
    const n = byNode.get(id);
    if (n === undefined) continue;
    const { functionName, url, lineNumber } = n.callFrame;
    const b = bucketOf(url, functionName);
    buckets.set(b, (buckets.get(b) ?? 0) + 1);
    const f = `${functionName || '(anonymous)'} ${b}${url ? `:${lineNumber + 1}` : ''}`;
    functions.set(f, (functions.get(f) ?? 0) + 1);
  }
  const total = profile.samples.length;
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, count]) => ({ name, share: count / total }));
  return { samples: total, buckets: top(buckets, 12), functions: top(functions, 20) };
}

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain && process.env.CRITERIA_PROFILE_LOOP === '1') {
  // The profiled process: the mix, evaluated again and again.
  const { evaluate } = await import('@criteria/evaluator');
  const { imrt } = await import('@criteria/policy-imrt');
  const { benchMix } = await import('./row.js');
  const { objects } = benchMix(Number(process.env.CRITERIA_PROFILE_MIX ?? 10_000));
  const passes = Number(process.env.CRITERIA_PROFILE_PASSES ?? 30);
  let sink = 0;
  for (const o of objects) sink += evaluate(imrt, o).reasons.length;
  const t = performance.now();
  for (let p = 0; p < passes; p++)
    for (const o of objects) sink += evaluate(imrt, o).reasons.length;
  const us = ((performance.now() - t) * 1000) / (passes * objects.length);
  process.stdout.write(`${JSON.stringify({ usPerEvaluate: us, sink })}\n`);
} else if (isMain) {
  const { values } = parseArgs({
    options: {
      passes: { type: 'string', default: '30' },
      mix: { type: 'string', default: '10000' },
      dir: { type: 'string', default: 'bench/profile' },
    },
  });
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const dir = resolve(root, values.dir);
  await rm(dir, { recursive: true, force: true });
  const self = fileURLToPath(import.meta.url);
  const source = self.endsWith('.ts');
  const r = spawnSync(
    process.execPath,
    [
      '--cpu-prof',
      `--cpu-prof-dir=${dir}`,
      ...(source ? ['--conditions=@criteria/source', '--import', import.meta.resolve('tsx')] : []),
      self,
    ],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        CRITERIA_PROFILE_LOOP: '1',
        CRITERIA_PROFILE_MIX: values.mix,
        CRITERIA_PROFILE_PASSES: values.passes,
      },
    },
  );
  if (r.status !== 0) throw new Error(`the profiled process exited with ${r.status}`);
  const { usPerEvaluate } = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}') as {
    usPerEvaluate: number;
  };
  const file = (await readdir(dir)).find((f) => f.endsWith('.cpuprofile'));
  if (file === undefined) throw new Error(`no .cpuprofile in ${dir}`);
  const s = summarise(JSON.parse(await readFile(join(dir, file), 'utf8')) as Profile);
  const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}%`;
  const print = (t = '') => process.stdout.write(`${t}\n`);
  print(
    `evaluate in a fresh process${source ? ' (sources, tsx)' : ' (builds)'}: ${usPerEvaluate.toFixed(2)} µs per determination over ${values.passes} passes of ${values.mix} requests; ${s.samples} samples (the whole process: import and warm-up included)`,
  );
  print('\nself time by package');
  for (const b of s.buckets) print(`  ${pct(b.share)}  ${b.name}`);
  print('\nself time by function');
  for (const f of s.functions) print(`  ${pct(f.share)}  ${f.name}`);
  print(`\nprofile: ${join(values.dir, file)}`);
}
