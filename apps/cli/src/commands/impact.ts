import { escapeControl } from '@criteria/errors';
import {
  type ImpactReport,
  isBatch,
  lineBatches,
  MAX_LINE_LENGTH,
  maxWorkers,
  runImpact,
  WORKERS_AFTER_LINES,
} from '@criteria/impact';
import { findRevision } from '@criteria/schema';
import type { Command } from 'commander';
import { openInput } from '../input.js';
import { type Io, UsageError } from '../io.js';
import { policiesOf } from '../registry.js';
import { table } from '../text.js';

interface ImpactCliOptions {
  from: string;
  to: string;
  requests: string;
  examples: string;
  maxInvalid: string;
  workers: string;
  workersAfter: string;
  json?: boolean;
}

const count = (name: string, value: string, min: number): number => {
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value)))
    throw new UsageError(`${name}: \`${value}\` is not a whole number of at least ${min}`);
  return Number(value);
};

/**
 * `--workers`: at least 1; more than the cores is clamped to the cores, said in
 * one line on stderr (more threads than cores only add memory).
 */
const workerCount = (io: Io, value: string): number => {
  if (!/^\d+$/.test(value) || /^0+$/.test(value))
    throw new UsageError(`--workers: \`${value}\` is not a whole number of at least 1`);
  const max = maxWorkers();
  const asked = Number(value);
  if (asked <= max) return asked;
  io.stderr(
    `criteria: --workers ${value.length > 12 ? `${value.slice(0, 9)}...` : value}: using ${max}, the number of cores\n`,
  );
  return max;
};

const n = (x: number) => x.toLocaleString('en-US');
const pct = (part: number, whole: number) =>
  whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(part === whole || part === 0 ? 0 : 2)}%`;

const clock = (seconds: number) => {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (x: number) => String(x).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
};

/**
 * Counts bytes and lines as they pass and draws a progress line on stderr
 * (rate, and percentage and ETA when the size is known). Only for a terminal.
 */
function withProgress(
  io: Io,
  chunks: AsyncIterable<string>,
  totalBytes: number | null,
): { chunks: AsyncIterable<string>; lines: (l: number) => void; done: () => void } {
  let bytes = 0;
  let lines = 0;
  const started = performance.now();
  let drawn = 0;
  const draw = () => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? lines / seconds : 0;
    let text = `${n(lines)} requests  ${n(Math.round(rate))}/s`;
    if (totalBytes !== null && totalBytes > 0) {
      const done = Math.min(1, bytes / totalBytes);
      const width = 24;
      const filled = Math.round(done * width);
      const eta = done > 0 ? (seconds / done) * (1 - done) : 0;
      text = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(done * 100).toFixed(0).padStart(3)}%  ${text}  ETA ${clock(eta)}`;
    }
    io.stderr(`\r\x1b[2K${text}`);
  };
  return {
    chunks: (async function* () {
      for await (const chunk of chunks) {
        bytes += Buffer.byteLength(chunk);
        yield chunk;
      }
    })(),
    lines: (l) => {
      const before = lines;
      lines = l;
      // Look at the clock every 1,000 lines, redraw at most 4 times a second.
      if (Math.floor(l / 1000) !== Math.floor(before / 1000)) {
        const now = performance.now();
        if (now - drawn > 250) {
          drawn = now;
          draw();
        }
      }
    },
    done: () => io.stderr('\r\x1b[2K'),
  };
}

/** The report for people. */
export function formatImpact(r: ImpactReport): string {
  const out: string[] = [];
  out.push(
    `${r.policy}: what changes when requests are evaluated under ${r.to.id} (effective ${r.to.effectiveOn}) instead of ${r.from.id} (effective ${r.from.effectiveOn})`,
    `  dates of service kept, revision forced; ${n(r.lines.evaluated)} requests evaluated (${n(r.lines.total)} lines: ${n(r.lines.invalid)} invalid, ${n(r.lines.blank)} blank)`,
    `  route changed: ${n(r.routeChanged)} (${pct(r.routeChanged, r.lines.evaluated)})   nothing changed: ${n(r.unchanged)} (${pct(r.unchanged, r.lines.evaluated)})`,
    '',
    `Routes (rows: under ${r.from.id}; columns: under ${r.to.id})`,
  );
  out.push(
    table(
      [`${r.from.id} \\ ${r.to.id}`, ...r.matrix.routes],
      r.matrix.routes.map((route, i) => [route, ...(r.matrix.counts[i] ?? []).map(n)]),
    ).trimEnd(),
  );
  out.push('', 'Changes');
  if (r.changes.length === 0) out.push('  none');
  for (const c of r.changes) {
    out.push(`  ${c.kind}: ${c.from}  →  ${c.to}   ${n(c.count)} request(s)`);
    for (const e of c.examples)
      out.push(`    e.g. line ${e.line}: ${escapeControl(JSON.stringify(e.request))}`);
  }
  if (r.lines.invalid > 0) {
    out.push(
      '',
      `Invalid lines: ${n(r.lines.invalid)}${r.invalid.truncated ? ` (the first ${n(r.invalid.lines.length)} listed)` : ''}`,
    );
    for (const l of r.invalid.lines)
      out.push(
        `  line ${l.line}: ${l.issues.map((i) => `${escapeControl(i.path) || 'request'}: expected ${i.expected}`).join('; ')}${l.more ? `; and ${n(l.more)} more` : ''}`,
      );
  }
  return `${out.join('\n')}\n`;
}

/** `criteria impact <policy> --from R --to R --requests FILE|-`: what a revision would change over a request file. */
export function registerImpact(program: Command, io: Io): void {
  program
    .command('impact')
    .description(
      'evaluate every request of an NDJSON file under two revisions (date of service kept, revision forced) and report what changes',
    )
    .argument('<policy>', 'policy id, e.g. imrt')
    .requiredOption('--from <revision>', 'the revision in force today (its id)')
    .requiredOption('--to <revision>', 'the revision whose impact is measured (its id)')
    .requiredOption('--requests <FILE|->', 'NDJSON requests, one per line; - for stdin')
    .option('--examples <N>', 'example requests kept per kind of change', '3')
    .option('--max-invalid <N>', 'invalid lines listed by number (all are counted)', '100')
    .option(
      '--workers <N>',
      'threads that evaluate, this one included (2: this thread and one worker thread); the report is the same for any number',
      '1',
    )
    .option(
      '--workers-after <N>',
      'lines this thread evaluates alone before it starts the worker threads (a small file is done sooner without them; 0 starts them at once)',
      String(WORKERS_AFTER_LINES),
    )
    .option('--json', 'print JSON')
    .action(async (policyId: string, opts: ImpactCliOptions) => {
      const policy = await policiesOf(io).load(policyId);
      const from = findRevision(policy, opts.from, '--from').id;
      const to = findRevision(policy, opts.to, '--to').id;
      const examples = count('--examples', opts.examples, 0);
      const maxInvalid = count('--max-invalid', opts.maxInvalid, 0);
      const workers = workerCount(io, opts.workers);
      const workersAfter = count('--workers-after', opts.workersAfter, 0);
      const input = await openInput(io, '--requests', opts.requests);
      const progress = io.stderrIsTty ? withProgress(io, input.chunks, input.bytes) : null;
      // In batches of lines (no object or promise per line): the calling thread reads for every thread.
      const lines = lineBatches(progress?.chunks ?? input.chunks, { maxLength: MAX_LINE_LENGTH });
      const counted = progress
        ? (async function* () {
            for await (const item of lines) {
              progress.lines(isBatch(item) ? item.first + item.bounds.length / 2 - 1 : item.line);
              yield item;
            }
          })()
        : lines;
      let report: ImpactReport;
      try {
        report = await runImpact(policy, counted, {
          from,
          to,
          examples,
          maxInvalid,
          workers,
          workersAfter,
          maxLineLength: MAX_LINE_LENGTH,
        });
      } finally {
        progress?.done();
      }
      io.stdout(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatImpact(report));
    });
}
