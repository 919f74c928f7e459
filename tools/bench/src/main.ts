/**
 * `pnpm bench`: every figure of docs/performance.md, measured in one process
 * (import time in fresh child processes), printed as a table and written as
 * JSON (bench/results.json, not committed).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isIsoDate } from '@criteria/calendar';
import { evaluate, RequestSchema } from '@criteria/evaluator';
import { generateRequests } from '@criteria/gen-requests';
import { imrt } from '@criteria/policy-imrt';
import { inEffect, selectRevision } from '@criteria/temporal';
import { Bench, type Task } from 'tinybench';
import { impactThroughput } from './impact-throughput.js';
import { cliStartup, importTime } from './import-time.js';
import { BENCH_MIX } from './mix.js';
import { routeWithRulesEngine, routingEngine } from './rules-engine.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const { values } = parseArgs({
  options: {
    time: { type: 'string', default: '2000' },
    'impact-lines': { type: 'string', default: '100000' },
    'import-runs': { type: 'string', default: '15' },
    out: { type: 'string', default: 'bench/results.json' },
    /** Skip the coverage service's HTTP bench (apps/crd/bench/service.ts), run last. */
    'no-service': { type: 'boolean', default: false },
  },
});
const time = Number(values.time);
const impactLines = Number(values['impact-lines']);
const importRuns = Number(values['import-runs']);
const log = (s = '') => process.stderr.write(`${s}\n`);
const loadBefore = loadavg()[0] ?? 0;

// The mix: seeded, valid, over every revision, both lines of business and every route.
const mix = [...generateRequests(BENCH_MIX)];
const texts = mix.map((r) => JSON.stringify(r));
const objects = texts.map((t) => JSON.parse(t) as unknown);
const determinations = objects.map((o) => evaluate(imrt, o));
const tally = (key: (d: (typeof determinations)[number]) => string) =>
  Object.fromEntries(
    [...determinations.reduce((m, d) => m.set(key(d), (m.get(key(d)) ?? 0) + 1), new Map())].sort(),
  );
const coverage = {
  requests: mix.length,
  seed: BENCH_MIX.seed,
  routes: tally((d) => d.route),
  revisions: tally((d) => d.revision?.id ?? 'none'),
  linesOfBusiness: tally((d) => d.lineOfBusiness),
};
// A fifth of the mix (every fifth request) for the slow json-rules-engine runs; the same subset for evaluate.
const subset = mix.filter((_, i) => i % 5 === 0);
const subsetObjects = subset.map((r) => JSON.parse(JSON.stringify(r)) as unknown);
const engine = routingEngine(imrt);

log(`bench: ${mix.length} requests (seed ${BENCH_MIX.seed}); ${time} ms per task`);
// Each task is a pass over many requests, so a few samples suffice: time governs, not the
// default 64 iterations (and 16 warm-up runs).
const bench = new Bench({
  time,
  iterations: 5,
  warmupTime: Math.min(time, 500),
  warmupIterations: 2,
});
let sink = 0;
bench
  .add('JSON.parse', () => {
    for (const t of texts) sink += JSON.parse(t) === null ? 1 : 0;
  })
  .add('RequestSchema.safeParse (validation alone)', () => {
    for (const o of objects) sink += RequestSchema.safeParse(o).success ? 1 : 0;
  })
  .add('evaluate(policy, parsed object)', () => {
    for (const o of objects) sink += evaluate(imrt, o).reasons.length;
  })
  .add('JSON.parse + evaluate', () => {
    for (const t of texts) sink += evaluate(imrt, JSON.parse(t)).reasons.length;
  })
  .add('JSON.stringify(determination)', () => {
    for (const d of determinations) sink += JSON.stringify(d).length;
  })
  .add('inEffect(policy, dateOfService, { asOf })', () => {
    for (const r of mix)
      sink += inEffect(imrt, r.dateOfService, { asOf: r.asOf ?? r.requestDate }) ? 1 : 0;
  })
  .add('selectRevision (inEffect without date checks)', () => {
    for (const r of mix)
      sink += selectRevision(imrt.revisions, r.dateOfService, r.asOf ?? r.requestDate) ? 1 : 0;
  })
  .add('isIsoDate, one date', () => {
    for (const r of mix) sink += isIsoDate(r.dateOfService) ? 1 : 0;
  });
const slow = new Bench({ time, iterations: 3, warmupTime: 0, warmupIterations: 1 });
slow
  .add('json-rules-engine, route only (2,000 of the mix)', async () => {
    for (const r of subset) sink += (await routeWithRulesEngine(engine, imrt, r)).length;
  })
  .add('evaluate (the same 2,000)', () => {
    for (const o of subsetObjects) sink += evaluate(imrt, o).reasons.length;
  });
await bench.run();
await slow.run();

interface Figure {
  usPerRequest: number;
  perSecond: number;
  rmePercent: number;
  samples: number;
}
const figure = (task: Task | undefined, per: number): Figure => {
  const r = task?.result;
  if (r === undefined || !('latency' in r)) throw new Error(`${task?.name}: no result`);
  const usPerRequest = (r.latency.mean * 1000) / per;
  return {
    usPerRequest,
    perSecond: 1e6 / usPerRequest,
    rmePercent: r.latency.rme,
    samples: r.latency.samplesCount,
  };
};
const [parse, validate, evaluated, parseEvaluate, stringify, lookups, selections, isoDate] =
  bench.tasks.map((t) => figure(t, mix.length)) as [
    Figure,
    Figure,
    Figure,
    Figure,
    Figure,
    Figure,
    Figure,
    Figure,
  ];
const [rulesEngine, evaluatedSubset] = slow.tasks.map((t) => figure(t, subset.length)) as [
  Figure,
  Figure,
];

log(`bench: import time (${importRuns} fresh processes each)`);
const imports = importTime(importRuns);
log(`bench: criteria list (built) against node -e '' (${importRuns} fresh processes each)`);
const startup = cliStartup(importRuns);
log(`bench: impact over ${impactLines.toLocaleString('en-US')} generated requests`);
const impact = await impactThroughput(impactLines);

const ratios = {
  evaluateOverJsonParse: evaluated.usPerRequest / parse.usPerRequest,
  parseAndEvaluateOverJsonParse: parseEvaluate.usPerRequest / parse.usPerRequest,
  validationOverJsonParse: validate.usPerRequest / parse.usPerRequest,
  speedUpOverJsonRulesEngine: rulesEngine.usPerRequest / evaluatedSubset.usPerRequest,
  importOverBareNode: imports.ratio,
  cliListOverBareNode: startup.ratio,
  impactOneWorkerOverReadParse: impact.readParse.linesPerSecond / impact.workers1.linesPerSecond,
  impactTwoWorkersSpeedUp: impact.workers2.linesPerSecond / impact.workers1.linesPerSecond,
};
const results = {
  date: new Date().toISOString(),
  machine: {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    /** 1-minute load average before and after: other work on the machine skews every figure. */
    loadAverage: { before: loadBefore, after: loadavg()[0] ?? 0 },
  },
  mix: coverage,
  figures: {
    jsonParse: parse,
    validation: validate,
    evaluate: evaluated,
    parseAndEvaluate: parseEvaluate,
    stringifyDetermination: stringify,
    inEffect: lookups,
    selectRevision: selections,
    isIsoDate: isoDate,
    jsonRulesEngine: rulesEngine,
    evaluateSameSubset: evaluatedSubset,
    importTime: imports,
    cliStartup: startup,
    impact,
  },
  ratios,
  targets: {
    evaluateAtMost5xJsonParse: {
      target: 5,
      measured: ratios.evaluateOverJsonParse,
      met: ratios.evaluateOverJsonParse <= 5,
    },
    cliListAtMost2xBareNode: {
      target: 2,
      measured: ratios.cliListOverBareNode,
      met: ratios.cliListOverBareNode <= 2,
    },
    atLeast50xFasterThanJsonRulesEngine: {
      target: 50,
      measured: ratios.speedUpOverJsonRulesEngine,
      met: ratios.speedUpOverJsonRulesEngine >= 50,
    },
  },
  sink,
};
const out = resolve(root, values.out);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);

// The table.
const us = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const int = (x: number) => Math.round(x).toLocaleString('en-US');
const x = (r: number) => `${r < 10 ? r.toFixed(2) : r.toFixed(1)}×`;
const rows: string[][] = [
  ['measure (one thread)', 'µs / request', 'per second', '± %', 'vs JSON.parse'],
  ...(
    [
      ['JSON.parse of the request', parse],
      ['zod validation alone (RequestSchema)', validate],
      ['evaluate(policy, parsed object), validated', evaluated],
      ['JSON.parse + evaluate', parseEvaluate],
      ['JSON.stringify(determination)', stringify],
      ['inEffect lookup (checks its dates)', lookups],
      ['selectRevision (the lookup alone)', selections],
      ['isIsoDate, one date', isoDate],
      ['json-rules-engine, route only (2,000 subset)', rulesEngine],
      ['evaluate, the same 2,000', evaluatedSubset],
    ] as const
  ).map(([name, f]) => [
    name,
    us(f.usPerRequest),
    int(f.perSecond),
    f.rmePercent.toFixed(1),
    x(f.usPerRequest / parse.usPerRequest),
  ]),
];
const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
const line = (r: string[]) =>
  r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
const print = (s = '') => process.stdout.write(`${s}\n`);
print(
  `criteria bench · ${results.date.slice(0, 10)} · ${results.machine.cores} cores · ${results.machine.cpu} · Node ${process.version} · load ${loadBefore.toFixed(1)} → ${results.machine.loadAverage.after.toFixed(1)}`,
);
print(
  `mix: ${mix.length} requests, routes ${JSON.stringify(coverage.routes)}, lines ${JSON.stringify(coverage.linesOfBusiness)}, ${Object.keys(coverage.revisions).length} revisions (incl. none)`,
);
print();
print(line(rows[0] ?? []));
print(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows.slice(1)) print(line(r));
print();
print(
  `evaluate / JSON.parse:                 ${x(ratios.evaluateOverJsonParse)}  (target ≤ 5×: ${results.targets.evaluateAtMost5xJsonParse.met ? 'met' : 'NOT met'})`,
);
print(`(JSON.parse + evaluate) / JSON.parse:  ${x(ratios.parseAndEvaluateOverJsonParse)}`);
print(
  `speed-up over json-rules-engine:       ${x(ratios.speedUpOverJsonRulesEngine)}  (target ≥ 50×: ${results.targets.atLeast50xFasterThanJsonRulesEngine.met ? 'met' : 'NOT met'})`,
);
print(
  `import evaluator + IMRT (dist), fresh process: ${imports.evaluatorMs.toFixed(0)} ms vs bare node ${imports.bareMs.toFixed(0)} ms (median of ${imports.runs}; ${x(imports.ratio)}, +${imports.importMs.toFixed(0)} ms)`,
);
print(
  `criteria list (built), fresh process: ${startup.listMs.toFixed(0)} ms vs bare node ${startup.bareMs.toFixed(0)} ms (median of ${startup.runs}; ${x(startup.ratio)}; target ≤ 2×: ${results.targets.cliListAtMost2xBareNode.met ? 'met' : 'NOT met'})`,
);
print();
print(
  `impact ${impact.from} → ${impact.to} over ${int(impact.lines)} generated requests (each evaluated twice):`,
);
const pass = (name: string, p: { seconds: number; linesPerSecond: number }) =>
  print(
    `  ${name.padEnd(28)} ${p.seconds.toFixed(2).padStart(7)} s  ${int(p.linesPerSecond).padStart(9)} lines/s`,
  );
pass('read + JSON.parse only', impact.readParse);
pass('impact, 1 thread', impact.workers1);
pass('impact, --workers 2', impact.workers2);
print(
  `  impact (1 thread) is ${x(ratios.impactOneWorkerOverReadParse)} read + parse; 2 workers: ${x(ratios.impactTwoWorkersSpeedUp)} of 1; reports identical: ${impact.identical ? 'yes' : 'NO'}`,
);
print();
print(`written: ${values.out}`);

// The coverage service over HTTP (autocannon): its own process tree, after everything above.
if (!values['no-service']) {
  print();
  const { status } = spawnSync(
    process.execPath,
    [
      '--conditions=@criteria/source',
      '--import',
      'tsx',
      resolve(root, 'apps/crd/bench/service.ts'),
    ],
    { stdio: 'inherit', cwd: resolve(root, 'apps/crd') },
  );
  if (status !== 0) process.exitCode = status ?? 1;
}
