import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LoadedPolicy } from '@criteria/schema';
import { ImpactAccumulator, type ImpactOptions, type ImpactPartial } from './accumulator.js';
import { buildIsFresh, workspaceClosure } from './built.js';
import { DEFAULT_BATCH_LINES, isBatch, type LineBatch, type NumberedLine } from './lines.js';
import type { ImpactReport } from './report.js';
import type { FromWorker, ToWorker } from './worker.js';

/** How to run an impact analysis. */
export interface RunImpactOptions extends ImpactOptions {
  /**
   * Threads that evaluate (default 1: this thread alone), at most
   * {@link maxWorkers} (a larger number is clamped: more threads than cores
   * only add memory). This thread counts as one: `workers: 2` is this thread
   * (reading the lines, evaluating the batches no worker has room for) and one
   * worker thread. The report is the same for any number.
   */
  workers?: number;
  /** The line cap of the reader, named in the issue of a line reported `tooLong`. */
  maxLineLength?: number;
  /** Lines per batch sent to a worker, when the lines come one by one (default 250; {@link lineBatches} sets its own). */
  batchSize?: number;
  /**
   * Lines this thread evaluates alone before it starts the worker threads
   * (default {@link WORKERS_AFTER_LINES}; 0 starts them at once). A worker
   * costs about a fifth of a second of CPU to start and warm up, taken from
   * this thread's own warm-up on a machine of few cores: a small input is
   * done sooner without one, and a large one hardly notices the wait.
   */
  workersAfter?: number;
}

/** Lines evaluated before workers start, by default: about 0.2 s of this thread's work, once warm. */
export const WORKERS_AFTER_LINES = 20_000;

/** What {@link runImpact} reads: numbered lines, or batches of them ({@link lineBatches}), or both. */
export type ImpactInput =
  | AsyncIterable<NumberedLine | LineBatch>
  | Iterable<NumberedLine | LineBatch>;

/** Batches a worker holds at once (the one it evaluates and those waiting): enough that it never waits for this thread. */
const QUEUED_PER_WORKER = 4;

/** The most threads {@link runImpact} uses: the cores of this machine. */
export function maxWorkers(): number {
  return availableParallelism();
}

/**
 * Evaluates every line of `lines` under `options.from` and `options.to` and
 * reports what changes. Streams: at most a few batches of lines are held at
 * once, whatever the input's size. Invalid lines are counted, never fatal.
 *
 * `lines` may come one by one ({@link numberedLines}) or in batches
 * ({@link lineBatches}: no object per line, the fastest way to read a file).
 * A batch is consumed: with workers, its bounds' buffer may move to a worker.
 *
 * @example
 * const report = await runImpact(imrt, lineBatches(stream), {
 *   from: '2021-03-02', to: '2023-01-10', workers: 2,
 * });
 * report.routeChanged;
 */
export async function runImpact(
  policy: LoadedPolicy,
  lines: ImpactInput,
  options: RunImpactOptions,
): Promise<ImpactReport> {
  const asked = options.workers ?? 1;
  if (!Number.isInteger(asked) || asked < 1)
    throw new RangeError(`workers must be a whole number of at least 1, not ${asked}`);
  const workers = Math.min(asked, maxWorkers());
  const total = new ImpactAccumulator(policy, options);
  if (workers === 1) {
    for await (const item of lines)
      if (isBatch(item)) total.addBatch(item);
      else if (item.tooLong === undefined) total.add(item.line, item.text);
      else total.addTooLong(item.line, item.tooLong, options.maxLineLength);
    return total.report();
  }
  await inWorkers(policy, lines, options, workers, total);
  return total.report();
}

/**
 * Starts a worker on our worker module, always as compiled JavaScript: our
 * build (`worker.js`) when we run from it; when we run from source (the
 * `@criteria/source` condition, under tsx or vitest), this package's build
 * if it and its workspace dependencies' builds are fresh (not older than
 * their sources), its dependencies resolved to their builds too. Only when a
 * build is missing or stale does a worker register tsx and run the sources
 * (Node 20 workers do not inherit `--import tsx`).
 */
function startWorker(workerData: unknown): Worker {
  const ext = extname(fileURLToPath(import.meta.url));
  if (ext !== '.ts') return new Worker(new URL('./worker.js', import.meta.url), { workerData });
  const built = builtWorker();
  if (built !== null) return new Worker(built, { workerData, execArgv: [] });
  const entry = new URL('./worker.ts', import.meta.url);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, {
    eval: true,
    workerData,
    // Our flags (vitest's, tsx's) plus the source condition; a repeated condition is harmless.
    execArgv: [...process.execArgv, '--conditions=@criteria/source'],
  });
}

let fresh: URL | null | undefined;
/** This package's built worker when the builds are fresh (checked once per process), else null. */
function builtWorker(): URL | null {
  if (fresh === undefined) {
    const dir = fileURLToPath(new URL('..', import.meta.url));
    fresh = buildIsFresh(workspaceClosure(dir))
      ? new URL('../dist/worker.js', import.meta.url)
      : null;
  }
  return fresh;
}

async function inWorkers(
  policy: LoadedPolicy,
  lines: ImpactInput,
  options: RunImpactOptions,
  count: number,
  total: ImpactAccumulator,
): Promise<void> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_LINES;
  const accOptions: ImpactOptions = {
    from: options.from,
    to: options.to,
    ...(options.examples === undefined ? {} : { examples: options.examples }),
    ...(options.maxInvalid === undefined ? {} : { maxInvalid: options.maxInvalid }),
  };
  // This thread is one of the `count`: it reads, and evaluates whatever batch no worker has room
  // for, into an accumulator of its own. The workers start once this thread has evaluated
  // `workersAfter` lines (their start-up and warm-up would otherwise slow its own, on few cores).
  // Each worker keeps one accumulator for the whole run and answers each batch with a bare
  // acknowledgement; its state crosses once, at the end. All are merged into `total`: merging is
  // order-free, so the report is the same as one thread's.
  const workersAfter = options.workersAfter ?? WORKERS_AFTER_LINES;
  const pool: Worker[] = [];
  const local = new ImpactAccumulator(policy, accOptions);
  const queued: number[] = [];
  const partials: (ImpactPartial | null)[] = [];
  let localLines = 0;
  let inFlight = 0;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const waitFor = async (done: () => boolean) => {
    while (!done() && failure === null) await new Promise<void>((r) => (wake = r));
    if (failure !== null) throw failure;
  };
  const listen = (worker: Worker, k: number) => {
    worker.on('message', (message: FromWorker) => {
      if (message === 'ack') {
        queued[k] = (queued[k] ?? 1) - 1;
        inFlight -= 1;
      } else partials[k] = message.partial;
      notify();
    });
    worker.on('error', (e) => {
      failure ??= e;
      notify();
    });
    worker.on('exit', (code) => {
      if (partials[k] === null) failure ??= new Error(`impact worker exited with code ${code}`);
      notify();
    });
  };
  const startPool = () => {
    for (let k = 0; k < count - 1; k++) {
      const worker = startWorker({ policy, options: accOptions });
      pool.push(worker);
      queued.push(0);
      partials.push(null);
      listen(worker, k);
    }
  };
  /** Each batch goes to the least busy worker with room, else this thread evaluates it. */
  const dispatch = async (batch: LineBatch) => {
    if (failure !== null) throw failure;
    if (pool.length === 0 && localLines >= workersAfter) startPool();
    let k = -1;
    for (let w = 0; w < pool.length; w++)
      if ((queued[w] ?? 0) < QUEUED_PER_WORKER && (k === -1 || (queued[w] ?? 0) < (queued[k] ?? 0)))
        k = w;
    if (k === -1) {
      local.addBatch(batch);
      localLines += batch.bounds.length >> 1;
      // Let the workers' answers in (they are what frees their queues); none before they start.
      if (pool.length > 0) await new Promise<void>((r) => setImmediate(r));
      return;
    }
    queued[k] = (queued[k] ?? 0) + 1;
    inFlight += 1;
    // One string per batch (cloning it is one copy) and its bounds, their buffer transferred when
    // it holds nothing else (a batch of lineBatches always has a buffer of its own).
    const message: ToWorker = batch;
    const { bounds } = batch;
    const own = bounds.byteOffset === 0 && bounds.byteLength === bounds.buffer.byteLength;
    pool[k]?.postMessage(message, own ? [bounds.buffer] : []);
  };
  try {
    // Lines that come one by one are gathered into batches here.
    let texts: string[] = [];
    let first = 0;
    const flush = async () => {
      if (texts.length === 0) return;
      // A line may hold any character (even a newline): bounds, not separators, delimit it.
      const bounds = new Uint32Array(2 * texts.length);
      let end = 0;
      for (let i = 0; i < texts.length; i++) {
        bounds[2 * i] = end;
        end += (texts[i] ?? '').length;
        bounds[2 * i + 1] = end;
      }
      const batch = { first, text: texts.join(''), bounds };
      texts = [];
      await dispatch(batch);
    };
    for await (const item of lines) {
      if (isBatch(item)) {
        await flush();
        await dispatch(item);
        continue;
      }
      const { line, text, tooLong } = item;
      if (tooLong !== undefined) {
        // Counted here, not sent: the next line starts a new batch (lines in a batch are consecutive).
        await flush();
        total.addTooLong(line, tooLong, options.maxLineLength);
        continue;
      }
      // Lines must be consecutive within a batch; start a new one at a gap.
      if (texts.length > 0 && line !== first + texts.length) await flush();
      if (texts.length === 0) first = line;
      texts.push(text);
      if (texts.length >= batchSize) await flush();
    }
    await flush();
    await waitFor(() => inFlight === 0);
    for (const worker of pool) worker.postMessage(null satisfies ToWorker);
    await waitFor(() => partials.every((p) => p !== null));
    for (const partial of partials) if (partial !== null) total.merge(partial);
    total.merge(local.partial());
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}
