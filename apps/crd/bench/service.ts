/**
 * The service bench: autocannon against the coverage service with the IMRT
 * order-sign request, side by side with the same server answering a fixed 200
 * for the same body (`/bench/fixed-200`). Rounds alternate (fixed, service,
 * fixed, service, ...) so load on the machine falls on both; the figures are
 * the medians. Every hook call carries its own fresh token (a replayed jti
 * would be refused), so each one is verified, evaluated and stored.
 *
 * pnpm --filter @criteria/crd-service bench [--duration 10] [--connections 8] [--rounds 3]
 *
 * `--diagnostics` adds two runs to each round on the same server, reported apart and never
 * as the issue's figure: the token floor (the service's token check and jti memory, then
 * the fixed 200: what the issue requires of every call before any of our logic) and the
 * hook call with its storage skipped (token, validation, evaluation, the answer; nothing
 * stored). Rounds then go fixed, floor, no store, service.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { escapeControl, formatIssue } from '@criteria/errors';
import autocannon from 'autocannon';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { ALGORITHMS } from '../src/auth.js';
import { imrtRequest } from '../test/imrt-requests.js';

/** One line on stderr, status 2: a wrong flag is the caller's, not a crash. */
function fail(message: string): never {
  process.stderr.write(`crd bench: ${message}\n`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        duration: { type: 'string', default: '10' },
        connections: { type: 'string', default: '8' },
        rounds: { type: 'string', default: '3' },
        out: { type: 'string', default: 'bench/results-service.json' },
        /** A PostgreSQL server for the assertions instead of PGlite. */
        'database-url': { type: 'string' },
        /** Writes the server's CPU profiles (main thread and PGlite's) under this folder; hook calls only. */
        'cpu-prof': { type: 'string' },
        /**
         * The bench client's signing algorithm. RS384 (default) is one of the two CDS Hooks names
         * for clients and the cheaper one to verify; ES384, the other, costs the service about
         * 0.6 ms more CPU per call (docs/performance.md). Any asymmetric one in ALGORITHMS.
         */
        alg: { type: 'string', default: 'RS384' },
        /** Diagnostic: the service storing nothing (not durable; never the figure to report). */
        'no-store': { type: 'boolean', default: false },
        /** Diagnostics: the token floor and the hook call without storage, in every round. */
        diagnostics: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    return fail(escapeControl(((e as Error).message.split('\n')[0] ?? '').trim()));
  }
})();
/** A flag's value as a whole number from 1 to `max`, or one line naming flag and value. */
function whole(name: 'duration' | 'connections' | 'rounds', max: number): number {
  const value = values[name];
  if (!/^\d{1,6}$/.test(value) || Number(value) < 1 || Number(value) > max)
    fail(formatIssue(`--${name}`, value, `a whole number from 1 to ${max}`).message);
  return Number(value);
}
const duration = whole('duration', 3600);
const connections = whole('connections', 1000);
const rounds = whole('rounds', 100);
if (!(ALGORITHMS as readonly string[]).includes(values.alg))
  fail(formatIssue('--alg', values.alg, `one of ${ALGORITHMS.join(', ')}`).message);
const log = (s: string) => process.stderr.write(`${s}\n`);
const loadBefore = loadavg()[0] ?? 0;

const alg = values.alg;
const { privateKey, publicKey } = await generateKeyPair(alg);
const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'b1', alg }] };

const server: ChildProcess = spawn(
  process.execPath,
  [
    ...(values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values['cpu-prof'])}`] : []),
    '--conditions=@criteria/source',
    '--import',
    'tsx',
    resolve(import.meta.dirname, 'server.ts'),
  ],
  {
    env: {
      ...process.env,
      BENCH_JWKS: JSON.stringify(jwks),
      ...(values['database-url'] ? { BENCH_DATABASE_URL: values['database-url'] } : {}),
      ...(values['no-store'] ? { BENCH_NO_STORE: '1' } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
// A client that fails (e.g. out of tokens) does not leave its server running.
process.on('exit', () => server.kill('SIGTERM'));
const base = await new Promise<string>((ok, fail) => {
  let out = '';
  server.stdout?.on('data', (d) => {
    out += String(d);
    const m = /listening on (\S+)/.exec(out);
    if (m?.[1]) ok(m[1]);
  });
  server.on('exit', (code) => fail(new Error(`bench server exited (${code})`)));
});

// The IMRT order-sign request (lung cancer, Medicare by SOPT coding: criteria review).
const body = JSON.stringify(imrtRequest({ coverage: { sopt: '121' } }));
const hookPath = '/cds-services/imrt-order-sign';
const floorPath = '/cds-services/bench-floor';

// Tokens are signed ahead (signing is the client's cost, not the service's), for one path.
const tokens: string[] = [];
const mint = async (n: number, path: string) => {
  const aud = `${base}${path}`;
  const now = Math.floor(Date.now() / 1000);
  for (let i = 0; i < n; i += 200) {
    tokens.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(200, n - i) }, () =>
          new SignJWT({ jti: randomUUID() })
            .setProtectedHeader({ alg, kid: 'b1' })
            .setIssuer('https://bench.test')
            .setAudience(aud)
            .setIssuedAt(now)
            .setExpirationTime(now + 600)
            .sign(privateKey),
        ),
      )),
    );
  }
};

interface Run {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  requests: number;
  /** Server CPU time per answered request (all its threads), µs. */
  serverCpuUs: number;
  /** Main-thread event-loop busy time per answered request, µs. */
  mainBusyUs: number;
}
interface CpuReading {
  cpu: { user: number; system: number };
  elu: { active: number };
}
const cpuNow = async (): Promise<CpuReading> =>
  (await fetch(`${base}/bench/cpu`)).json() as Promise<CpuReading>;
const run = async (path: string, withTokens: boolean): Promise<Run> => {
  let next = 0;
  const before = await cpuNow();
  const result = await autocannon({
    url: `${base}${path}`,
    method: 'POST',
    connections,
    duration,
    headers: { 'content-type': 'application/json' },
    body,
    requests: [
      {
        setupRequest: (req) => {
          if (!withTokens) return req;
          const token = tokens[next++];
          if (token === undefined) throw new Error('bench: out of tokens');
          return { ...req, headers: { ...req.headers, authorization: `Bearer ${token}` } };
        },
      },
    ],
  });
  const after = await cpuNow();
  const answered = Math.max(1, result['2xx']);
  return {
    requestsPerSecond: result.requests.average,
    serverCpuUs:
      (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / answered,
    mainBusyUs: ((after.elu.active - before.elu.active) * 1000) / answered,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    requests: result.requests.total,
  };
};

// A short warm-up of both (JIT, PGlite's first inserts). The service never outruns the fixed
// 200 of the same server, so the fixed run's rate bounds the tokens the next service run needs;
// so does three times the service's best rate so far (plus 500) (RSA signing is slow: tokens for the fixed
// 200's rate would take longer to sign than the run).
log(
  `service bench: ${base}; ${rounds} rounds of ${duration} s per side, ${connections} connections`,
);
const tokensFor = async (fixedRate: number, seconds: number, path = hookPath) => {
  tokens.splice(0, tokens.length);
  await mint(Math.ceil(fixedRate * seconds * 1.25) + 100, path);
};
const setRecording = async (record: boolean) => {
  const r = await fetch(`${base}/bench/store`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ record }),
  });
  if (!r.ok) throw new Error(`bench: /bench/store answered ${r.status}`);
};
if (values['cpu-prof']) {
  // Profiling: hook calls only (a warm-up, then the rounds), no fixed 200 in the profile.
  // Tokens for far more calls than the service can answer in the time.
  for (let r = 0; r <= rounds; r++) {
    await tokensFor(3000, duration * 2);
    const s = await run(hookPath, true);
    log(
      `${r === 0 ? 'warm-up' : `round ${r}`}: service ${s.requestsPerSecond.toFixed(0)}/s, p99 ${s.p99Ms} ms, CPU ${s.serverCpuUs.toFixed(0)} µs/req, main ${s.mainBusyUs.toFixed(0)} µs/req`,
    );
  }
  server.kill('SIGTERM');
  await new Promise((ok) => server.once('exit', ok));
  log(`profiles written under ${resolve(values['cpu-prof'])}`);
  process.exit(0);
}
const warmFixed = await run('/bench/fixed-200', false);
await tokensFor(Math.min(warmFixed.requestsPerSecond, 3000), duration);
/** Tokens a run needs at most: three times the best rate seen on its path so far, plus 500. */
const boundFrom = (rate: number) => 3 * rate + 500;
let serviceBound = boundFrom((await run(hookPath, true)).requestsPerSecond);
const diagnostics = values.diagnostics;
let floorBound = 0;
let noStoreBound = 0;
if (diagnostics) {
  // Warm-up of the two diagnostic paths as well.
  await tokensFor(Math.min(warmFixed.requestsPerSecond, 4000), duration, floorPath);
  floorBound = boundFrom((await run(floorPath, true)).requestsPerSecond);
  await tokensFor(Math.min(warmFixed.requestsPerSecond, 4000), duration);
  await setRecording(false);
  noStoreBound = boundFrom((await run(hookPath, true)).requestsPerSecond);
  await setRecording(true);
}
const fixed: Run[] = [];
const service: Run[] = [];
const floor: Run[] = [];
const noStore: Run[] = [];
for (let r = 0; r < rounds; r++) {
  const f = await run('/bench/fixed-200', false);
  fixed.push(f);
  const fixedRate = Math.max(f.requestsPerSecond, warmFixed.requestsPerSecond);
  if (diagnostics) {
    await tokensFor(Math.min(fixedRate, floorBound), duration, floorPath);
    const fl = await run(floorPath, true);
    floor.push(fl);
    floorBound = Math.max(floorBound, boundFrom(fl.requestsPerSecond));
    await tokensFor(Math.min(fixedRate, noStoreBound), duration);
    await setRecording(false);
    const ns = await run(hookPath, true);
    await setRecording(true);
    noStore.push(ns);
    noStoreBound = Math.max(noStoreBound, boundFrom(ns.requestsPerSecond));
    log(
      `round ${r + 1} diagnostics: floor ${fl.requestsPerSecond.toFixed(0)}/s (CPU ${fl.serverCpuUs.toFixed(0)}, main ${fl.mainBusyUs.toFixed(0)} µs/req), no store ${ns.requestsPerSecond.toFixed(0)}/s (CPU ${ns.serverCpuUs.toFixed(0)}, main ${ns.mainBusyUs.toFixed(0)})`,
    );
  }
  await tokensFor(Math.min(fixedRate, serviceBound), duration);
  const sr = await run(hookPath, true);
  service.push(sr);
  serviceBound = Math.max(serviceBound, boundFrom(sr.requestsPerSecond));
  log(
    `round ${r + 1}: fixed ${f.requestsPerSecond.toFixed(0)}/s (CPU ${f.serverCpuUs.toFixed(0)} µs/req), service ${service[r]?.requestsPerSecond.toFixed(0)}/s (CPU ${service[r]?.serverCpuUs.toFixed(0)} µs/req, main ${service[r]?.mainBusyUs.toFixed(0)})`,
  );
}
server.kill('SIGTERM');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};
const summary = (runs: Run[]) => ({
  requestsPerSecond: median(runs.map((r) => r.requestsPerSecond)),
  p50Ms: median(runs.map((r) => r.p50Ms)),
  p99Ms: median(runs.map((r) => r.p99Ms)),
  serverCpuUs: median(runs.map((r) => r.serverCpuUs)),
  mainBusyUs: median(runs.map((r) => r.mainBusyUs)),
  non2xx: runs.reduce((a, r) => a + r.non2xx, 0),
  errors: runs.reduce((a, r) => a + r.errors, 0),
  runs,
});
const f = summary(fixed);
const s = summary(service);
const ratio = s.requestsPerSecond / f.requestsPerSecond;
/** Each round's run against the same round's fixed 200. */
const perRoundRatios = (runs: Run[]) =>
  runs.map((x, i) => x.requestsPerSecond / (fixed[i]?.requestsPerSecond ?? Number.NaN));
/** The median of those ratios (the diagnostics' figure). */
const ratioTo = (runs: Run[]) => median(perRoundRatios(runs));
const fl = diagnostics ? summary(floor) : undefined;
const ns = diagnostics ? summary(noStore) : undefined;
const perRound = perRoundRatios(service);
const results = {
  date: new Date().toISOString(),
  machine: {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadAverage: { before: loadBefore, after: loadavg()[0] ?? 0 },
  },
  settings: {
    duration,
    connections,
    rounds,
    bodyBytes: Buffer.byteLength(body),
    tokenAlg: alg,
    store: values['no-store']
      ? 'none (diagnostic: nothing stored)'
      : values['database-url']
        ? 'postgresql'
        : 'pglite',
  },
  fixed200: f,
  service: s,
  ratio,
  ratioPerRound: perRound,
  target: { atLeast: 0.4, met: ratio >= 0.4 },
  ...(fl && ns
    ? {
        diagnostics: {
          note: 'diagnostics, not the issue figure: the token floor (token verified, jti remembered, fixed 200) and the hook call with nothing stored, on the same server, between the fixed 200 and the service in each round',
          floor: { ...fl, ratio: ratioTo(floor) },
          noStore: { ...ns, ratio: ratioTo(noStore) },
        },
      }
    : {}),
};
const out = resolve(import.meta.dirname, '../../..', values.out);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
const p = (x: number) => x.toFixed(0).padStart(8);
/** One row of the table: a label (38 characters) and a run's medians. */
const row = (label: string, x: ReturnType<typeof summary>) =>
  `${label.padEnd(38)}${p(x.requestsPerSecond)}  ${p(x.p50Ms)}  ${p(x.p99Ms)}  ${p(x.non2xx)}  ${p(x.serverCpuUs).padStart(10)}  ${p(x.mainBusyUs).padStart(11)}`;
process.stdout.write(
  [
    `crd service bench · ${results.date.slice(0, 10)} · ${results.machine.cores} cores · ${results.machine.cpu} · Node ${process.version} · load ${loadBefore.toFixed(1)} → ${results.machine.loadAverage.after.toFixed(1)}`,
    `IMRT order-sign request (${results.settings.bodyBytes} B, ${alg} tokens), ${connections} connections, median of ${rounds} × ${duration} s`,
    '',
    'server answering                          req/s    p50 ms    p99 ms   non-2xx  CPU µs/req  main µs/req',
    row('fixed 200, same body (baseline)', f),
    row('CRD order-sign (JWT, evaluate, store)', s),
    '(CPU: the server process, all threads; main: its event loop busy, per answered request)',
    '',
    `service / fixed 200: ${(ratio * 100).toFixed(1)}% (target ≥ 40%: ${results.target.met ? 'met' : 'NOT met'}; per round ${perRound.map((x) => `${(x * 100).toFixed(1)}%`).join(', ')})`,
    ...(fl && ns
      ? [
          '',
          'diagnostics (same server, same rounds; not the issue figure)',
          `${row('token floor (JWT + jti, fixed 200)', fl)}   ${(ratioTo(floor) * 100).toFixed(1)}% of fixed 200`,
          `${row('hook call, nothing stored', ns)}   ${(ratioTo(noStore) * 100).toFixed(1)}% of fixed 200`,
        ]
      : []),
    '',
  ].join('\n'),
);
process.exit(0);
