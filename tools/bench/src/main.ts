/**
 * `pnpm bench`: every figure of docs/performance.md in one run, each row in a
 * fresh process of its own (runner.ts), printed as a table with the goals of
 * issue 15 and written as JSON (bench/results.json, not committed).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { escapeControl, formatIssue } from '@criteria/errors';
import { evaluate } from '@criteria/evaluator';
import { imrt } from '@criteria/policy-imrt';
import { BENCH_MIX } from './mix.js';
import { type BenchOptions, benchMix, type Figure } from './row.js';
import type { CliStartup } from './rows/cli-startup.js';
import { IMPACT_FROM, IMPACT_TO, type Pass, writeImpactFile } from './rows/impact.js';
import type { ImportTime } from './rows/import-time.js';
import { ROW_IDS } from './rows/index.js';
import { median } from './rows/spawn-time.js';
import { runRounds, runRows } from './runner.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
/** One line on stderr, status 2: a wrong flag is the caller's, not a crash. */
function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

const parsed = (() => {
  try {
    return parseArgs({
      options: {
        time: { type: 'string', default: '2000' },
        mix: { type: 'string', default: String(BENCH_MIX.count) },
        /** The issue's size: a run short enough to be its start-up says little about its throughput. */
        'impact-lines': { type: 'string', default: '1000000' },
        /** The impact rows run this many times, interleaved; ratios are the median of each round's. */
        'impact-rounds': { type: 'string', default: '5' },
        'import-runs': { type: 'string', default: '15' },
        /** Only these rows (comma-separated ids); the goals of rows not run are not judged. */
        rows: { type: 'string' },
        out: { type: 'string', default: 'bench/results.json' },
        /** Skip the coverage service's HTTP bench (apps/crd/bench/service.ts), run last. */
        'no-service': { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    return fail(escapeControl(((e as Error).message.split('\n')[0] ?? '').trim()));
  }
})();
const { values } = parsed;
const log = (s = '') => process.stderr.write(`${s}\n`);
const loadBefore = loadavg();
/** A flag's value as a whole number of at least `min`, or one line naming flag and value. */
function whole(
  name: 'time' | 'mix' | 'impact-lines' | 'impact-rounds' | 'import-runs',
  min: number,
): number {
  const value = values[name];
  if (!/^\d{1,9}$/.test(value) || Number(value) < min)
    fail(formatIssue(`--${name}`, value, `a whole number from ${min} to 999999999`).message);
  return Number(value);
}
const options: BenchOptions = {
  time: whole('time', 1),
  mixCount: whole('mix', 1),
  impactLines: whole('impact-lines', 1),
  importRuns: whole('import-runs', 1),
};
const impactRounds = whole('impact-rounds', 1);
const ids = values.rows === undefined ? ROW_IDS : values.rows.split(',');
for (const id of ids)
  if (!ROW_IDS.includes(id))
    fail(formatIssue('--rows', id, `a bench row (${ROW_IDS.join(', ')})`).message);

// What the mix covers (in this process: nothing here is timed).
const coverage = (() => {
  const tally = new Map<string, Map<string, number>>();
  const add = (k: string, v: string) => {
    const m = tally.get(k) ?? new Map<string, number>();
    m.set(v, (m.get(v) ?? 0) + 1);
    tally.set(k, m);
  };
  for (const o of benchMix(options.mixCount).objects) {
    const d = evaluate(imrt, o);
    add('routes', d.route);
    add('revisions', d.revision?.id ?? 'none');
    add('linesOfBusiness', d.lineOfBusiness);
  }
  const of = (k: string) => Object.fromEntries([...(tally.get(k) ?? [])].sort());
  return {
    requests: options.mixCount,
    seed: BENCH_MIX.seed,
    routes: of('routes'),
    revisions: of('revisions'),
    linesOfBusiness: of('linesOfBusiness'),
  };
})();

log(
  `bench: ${ids.length} rows, each in a fresh process; ${options.mixCount} requests (seed ${BENCH_MIX.seed}); ${options.time} ms per timed row`,
);
const impactFile = join(tmpdir(), `criteria-bench-${process.pid}.ndjson`);
// The impact rows run last, in rounds: each round runs each of them once, so the ratios between
// them are taken round by round, over the same minutes of the machine.
const impactIds = ids.filter((id) => id.startsWith('impact'));
let reports: Awaited<ReturnType<typeof runRows>>;
let impactRuns: Awaited<ReturnType<typeof runRounds>>;
try {
  reports = await runRows(
    ids.filter((id) => !impactIds.includes(id)),
    options,
    (id) => log(`bench: ${id}`),
  );
  if (impactIds.length > 0) {
    log(`bench: writing ${options.impactLines.toLocaleString('en-US')} requests for impact`);
    await writeImpactFile(impactFile, options.impactLines);
  }
  impactRuns = await runRounds(impactIds, impactRounds, { ...options, impactFile }, (id, k) =>
    log(`bench: ${id} (round ${k} of ${impactRounds})`),
  );
} finally {
  await rm(impactFile, { force: true });
}
const loadAfter = loadavg();

const got = <T>(id: string): T | undefined => reports.get(id)?.figure as T | undefined;
const per = (id: string) => got<Figure>(id);
const parse = per('json-parse');
const evaluated = per('evaluate');
const rulesEngine = per('json-rules-engine');
const evaluatedSubset = per('evaluate-subset');
const routedSubset = per('outcome-subset');
const imports = got<ImportTime>('import');
const startup = got<CliStartup>('cli-startup');
const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined ? null : a / b;
/** An impact row's pass in each round. */
const passes = (id: string) => (impactRuns.get(id) ?? []).map((r) => r.figure as Pass);
/** The median round's pass (of an even number, the faster of the middle two). */
const medianPass = (ps: Pass[]): Pass | undefined =>
  [...ps].sort((a, b) => a.seconds - b.seconds)[Math.floor((ps.length - 1) / 2)];
const readParseRounds = passes('impact-read-parse');
const workers1Rounds = passes('impact-1');
const workers2Rounds = passes('impact-2');
const readParse = medianPass(readParseRounds);
const workers1 = medianPass(workers1Rounds);
const workers2 = medianPass(workers2Rounds);
/**
 * A row's fastest round: its quietest minute (on a CPU-bound run, other work on the machine
 * only adds time). The ratios of the fastest rounds are printed beside the goals' medians.
 */
const fastestPass = (ps: Pass[]): Pass | undefined =>
  ps.reduce<Pass | undefined>(
    (a, p) => (a === undefined || p.seconds < a.seconds ? p : a),
    undefined,
  );
const readParseFastest = fastestPass(readParseRounds);
const workers1Fastest = fastestPass(workers1Rounds);
const workers2Fastest = fastestPass(workers2Rounds);
/** Round by round, `a`'s throughput over `b`'s (empty unless both rows ran). */
const roundRatios = (a: Pass[], b: Pass[]) =>
  a.length === 0 || b.length === 0
    ? []
    : a.map((x, k) => x.linesPerSecond / (b[k]?.linesPerSecond ?? Number.NaN));
const throughputRounds = roundRatios(workers1Rounds, readParseRounds);
const speedUpRounds = roundRatios(workers2Rounds, workers1Rounds);
const medianOrNull = (xs: number[]) => (xs.length === 0 ? null : median(xs));
/** Every round's 1- and 2-worker reports are byte-identical (their hashes). */
const impactIdentical =
  impactRuns.has('impact-1') && impactRuns.has('impact-2')
    ? new Set(
        ['impact-1', 'impact-2'].flatMap((id) => (impactRuns.get(id) ?? []).map((r) => r.check)),
      ).size === 1
    : null;

const ratios = {
  evaluateOverJsonParse: ratio(evaluated?.usPerRequest, parse?.usPerRequest),
  parseAndEvaluateOverJsonParse: ratio(per('parse-evaluate')?.usPerRequest, parse?.usPerRequest),
  validationOverJsonParse: ratio(per('validation')?.usPerRequest, parse?.usPerRequest),
  /** json-rules-engine (route only) against the outcome path (route, criteria, documentation): the goal's comparison. */
  speedUpOverJsonRulesEngine: ratio(rulesEngine?.usPerRequest, routedSubset?.usPerRequest),
  /** json-rules-engine (route only) against the full determination (reasons, trace, flags too). */
  speedUpOverJsonRulesEngineFullEvaluate: ratio(
    rulesEngine?.usPerRequest,
    evaluatedSubset?.usPerRequest,
  ),
  importOverBareNode: imports?.ratio ?? null,
  cliListOverBareNode: startup?.ratio ?? null,
  /** Impact throughput (1 thread) as a fraction of reading and parsing the same file: the median of the rounds' ratios. */
  impactThroughputOverReadParse: medianOrNull(throughputRounds),
  /** 2 threads' throughput over 1 thread's: the median of the rounds' ratios. */
  impactTwoWorkersSpeedUp: medianOrNull(speedUpRounds),
  /** The same two ratios between each row's fastest round (reported; the goals read the medians). */
  impactThroughputOverReadParseFastest: ratio(
    workers1Fastest?.linesPerSecond,
    readParseFastest?.linesPerSecond,
  ),
  impactTwoWorkersSpeedUpFastest: ratio(
    workers2Fastest?.linesPerSecond,
    workers1Fastest?.linesPerSecond,
  ),
};

interface Target {
  goal: string;
  target: number;
  measured: number | null;
  /** null: the row was not run. */
  met: boolean | null;
}
const atMost = (goal: string, target: number, measured: number | null): Target => ({
  goal,
  target,
  measured,
  met: measured === null ? null : measured <= target,
});
const atLeast = (goal: string, target: number, measured: number | null): Target => ({
  goal,
  target,
  measured,
  met: measured === null ? null : measured >= target,
});
// Issue 15's table (and issue 12's CLI start-up goal).
const targets = {
  evaluateAtMost3xJsonParse: atMost(
    'evaluate / JSON.parse of the same request (fresh process)',
    3,
    ratios.evaluateOverJsonParse,
  ),
  atLeast100xFasterThanJsonRulesEngine: atLeast(
    'speed-up over json-rules-engine, same routing (outcome path)',
    100,
    ratios.speedUpOverJsonRulesEngine,
  ),
  impactAtLeast40PercentOfReadParse: atLeast(
    'impact throughput / bare read + parse of the same NDJSON',
    0.4,
    ratios.impactThroughputOverReadParse,
  ),
  twoWorkersAtLeast1_6x: atLeast(
    '2 workers / 1 (on a quiet machine)',
    1.6,
    ratios.impactTwoWorkersSpeedUp,
  ),
  importAtMost1_5xBareNode: atMost(
    'import evaluator + IMRT policy, fresh process / bare node',
    1.5,
    ratios.importOverBareNode,
  ),
  cliListAtMost2xBareNode: atMost(
    'criteria list (built), fresh process / bare node',
    2,
    ratios.cliListOverBareNode,
  ),
};

const results = {
  date: new Date().toISOString(),
  machine: {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    /** Load averages (1, 5, 15 minutes) before and after: other work on the machine skews every figure. */
    loadAverage: { before: loadBefore, after: loadAfter },
  },
  options: { ...options, impactRounds, rows: ids },
  /** Each row ran in a process of its own (its pid). */
  processes: Object.fromEntries([
    ...[...reports].map(([id, r]) => [id, r.pid]),
    ...[...impactRuns].map(([id, rs]) => [id, rs.map((r) => r.pid)]),
  ]),
  mix: coverage,
  figures: {
    jsonParse: parse,
    validation: per('validation'),
    evaluate: evaluated,
    parseAndEvaluate: per('parse-evaluate'),
    stringifyDetermination: per('stringify'),
    inEffect: per('in-effect'),
    selectRevision: per('select-revision'),
    isIsoDate: per('iso-date'),
    jsonRulesEngine: rulesEngine,
    outcomeSameSubset: routedSubset,
    evaluateSameSubset: evaluatedSubset,
    importTime: imports,
    cliStartup: startup,
    impact: {
      lines: options.impactLines,
      rounds: impactRounds,
      from: IMPACT_FROM,
      to: IMPACT_TO,
      /** Each row's median round. */
      readParse,
      workers1,
      workers2,
      /** Each row's fastest round. */
      fastest: {
        readParse: readParseFastest,
        workers1: workers1Fastest,
        workers2: workers2Fastest,
      },
      /** Every round, in order, and the ratios taken within each. */
      byRound: {
        readParse: readParseRounds,
        workers1: workers1Rounds,
        workers2: workers2Rounds,
        throughputOverReadParse: throughputRounds,
        twoWorkersSpeedUp: speedUpRounds,
      },
      /** The 1- and 2-worker reports are byte-identical. */
      identical: impactIdentical,
    },
  },
  ratios,
  targets,
};
const out = resolve(root, values.out);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);

// The table.
const us = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const int = (x: number) => Math.round(x).toLocaleString('en-US');
const times = (r: number | null) => (r === null ? '-' : `${r < 10 ? r.toFixed(2) : r.toFixed(1)}×`);
const rows: string[][] = [
  [
    'measure (one thread, fresh process each)',
    'µs / request',
    'per second',
    '± %',
    'vs JSON.parse',
  ],
  ...(
    [
      ['JSON.parse of the request', 'json-parse'],
      ['zod validation alone (RequestSchema)', 'validation'],
      ['evaluate(policy, parsed object), validated', 'evaluate'],
      ['JSON.parse + evaluate', 'parse-evaluate'],
      ['JSON.stringify(determination)', 'stringify'],
      ['inEffect lookup (checks its dates)', 'in-effect'],
      ['selectRevision (the lookup alone)', 'select-revision'],
      ['isIsoDate, one date', 'iso-date'],
      ['json-rules-engine, route only (every 5th)', 'json-rules-engine'],
      ['evaluateOutcome (route path), same 5th', 'outcome-subset'],
      ['evaluate (full determination), same 5th', 'evaluate-subset'],
    ] as const
  ).flatMap(([name, id]) => {
    const f = per(id);
    return f === undefined
      ? []
      : [
          [
            name,
            us(f.usPerRequest),
            int(f.perSecond),
            f.rmePercent.toFixed(1),
            times(ratio(f.usPerRequest, parse?.usPerRequest)),
          ],
        ];
  }),
];
const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
const line = (r: string[]) =>
  r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
const print = (s = '') => process.stdout.write(`${s}\n`);
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
print(
  `criteria bench · ${results.date.slice(0, 10)} · ${results.machine.cores} cores · ${results.machine.cpu} · Node ${process.version} · load average ${load(loadBefore)} → ${load(loadAfter)}`,
);
print(
  `mix: ${coverage.requests} requests, routes ${JSON.stringify(coverage.routes)}, lines ${JSON.stringify(coverage.linesOfBusiness)}, ${Object.keys(coverage.revisions).length} revisions (incl. none)`,
);
print();
print(line(rows[0] ?? []));
print(line(widths.map((w) => '-'.repeat(w))));
for (const r of rows.slice(1)) print(line(r));
if (imports)
  print(
    `\nimport evaluator + IMRT (dist), fresh process: ${imports.evaluatorMs.toFixed(0)} ms vs bare node ${imports.bareMs.toFixed(0)} ms (median of ${imports.runs}; +${imports.importMs.toFixed(0)} ms)`,
  );
if (startup)
  print(
    `criteria list (built), fresh process: ${startup.listMs.toFixed(0)} ms vs bare node ${startup.bareMs.toFixed(0)} ms (median of ${startup.runs})`,
  );
if (readParse || workers1 || workers2) {
  print(
    `\nimpact ${IMPACT_FROM} → ${IMPACT_TO} over ${int(options.impactLines)} generated requests, ${impactRounds} interleaved round(s), median round:`,
  );
  const pass = (name: string, p: Pass | undefined, all: Pass[]) =>
    p &&
    print(
      `  ${name.padEnd(28)} ${p.seconds.toFixed(2).padStart(7)} s  ${int(p.linesPerSecond).padStart(9)} lines/s${all.length > 1 ? `  (rounds: ${all.map((x) => x.seconds.toFixed(2)).join(', ')} s)` : ''}`,
    );
  pass('read + JSON.parse only', readParse, readParseRounds);
  pass('impact, 1 thread', workers1, workers1Rounds);
  pass('impact, 2 threads (1 worker)', workers2, workers2Rounds);
  const byRound = (name: string, xs: number[], f: (x: number) => string) =>
    xs.length > 1 &&
    print(`  ${name.padEnd(28)} ${xs.map(f).join(', ')} (the goal reads their median)`);
  byRound('1 thread / read + parse', throughputRounds, (x) => `${(x * 100).toFixed(1)}%`);
  byRound('2 threads / 1', speedUpRounds, (x) => `${x.toFixed(2)}×`);
  const { impactThroughputOverReadParseFastest: t, impactTwoWorkersSpeedUpFastest: w } = ratios;
  const fastest = [
    t === null ? null : `1 thread / read + parse ${(t * 100).toFixed(1)}%`,
    w === null ? null : `2 threads / 1 ${w.toFixed(2)}×`,
  ].filter((x) => x !== null);
  if (impactRounds > 1 && fastest.length > 0)
    print(`  fastest rounds: ${fastest.join('; ')} (each row's quietest minute)`);
  if (impactIdentical !== null)
    print(`  1- and 2-worker reports identical: ${impactIdentical ? 'yes' : 'NO'}`);
}
print('\ngoal                                                          goal      measured  met');
const shown = (k: keyof typeof targets) =>
  k === 'impactAtLeast40PercentOfReadParse'
    ? (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`)
    : times;
for (const [k, t] of Object.entries(targets) as [keyof typeof targets, Target][]) {
  const f = shown(k);
  const sign = k.startsWith('evaluateAtMost') || k.endsWith('BareNode') ? '≤' : '≥';
  print(
    `${t.goal.padEnd(60)}  ${`${sign} ${f(t.target)}`.padStart(8)}  ${f(t.measured).padStart(8)}  ${t.met === null ? 'not run' : t.met ? 'met' : 'NOT met'}`,
  );
}
if (ratios.speedUpOverJsonRulesEngineFullEvaluate !== null)
  print(
    `(json-rules-engine routes only; against the full determination, reasons and trace included, the speed-up is ${times(ratios.speedUpOverJsonRulesEngineFullEvaluate)})`,
  );
print();
print(`written: ${values.out}`);

// The coverage service over HTTP (autocannon): its own process tree, after everything above.
if (!values['no-service'] && values.rows === undefined) {
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
