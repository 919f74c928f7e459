import { type FieldIssue, formatIssue, type Result } from '@criteria/errors';
import { type Determination, safeEvaluate } from '@criteria/evaluator';
import type { Command } from 'commander';
import { openInput, readInput } from '../input.js';
import { ExitStatus, type Io } from '../io.js';
import { numberedLines } from '../lines.js';
import { policies } from '../registry.js';

/** Parses and evaluates one request text; every failure is a list of field issues. */
export function evaluateText(text: string): Result<Determination, FieldIssue> {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      issues: [
        {
          path: '',
          value: undefined,
          expected: 'JSON',
          message: `request: not valid JSON (${(e as Error).message})`,
        },
      ],
    };
  }
  const id = (input as { policy?: unknown } | null)?.policy;
  const policy = typeof id === 'string' ? policies.get(id) : undefined;
  if (policy === undefined)
    return {
      ok: false,
      issues: [
        formatIssue('policy', id, `a known policy (known: ${[...policies.keys()].join(', ')})`),
      ],
    };
  return safeEvaluate(policy, input);
}

/** A determination for people: the route first, then why. */
export function summarise(d: Determination): string {
  const out = [
    `${d.policy} · ${d.lineOfBusiness} · service ${d.dateOfService} · ${d.asOf === null ? 'everything approved' : `as known on ${d.asOf}`}`,
    `route:         ${d.route}`,
    `revision:      ${d.revision ? `${d.revision.id} (effective ${d.revision.effectiveOn}) sha256 ${d.revision.sha256.slice(0, 12)}` : 'none in effect'}`,
  ];
  if (d.criteria.length > 0)
    out.push(
      `criteria:      ${d.criteria
        .map(
          (c) =>
            `${c.kind} ${c.id}${c.status === 'retired' ? ` (retired ${c.retiredOn}${c.applied ? ', still applied' : ', not applied'})` : ''}`,
        )
        .join('; ')}`,
    );
  if (d.indication)
    out.push(
      `indication:    ${d.indication.id}: ${d.indication.named ? `named since ${d.indication.since}` : d.indication.since ? `named only from ${d.indication.since}` : 'not named by the revision table'}${d.indication.requires ? `, requires ${d.indication.requires}` : ''}`,
    );
  out.push(
    `codes:         in scope ${d.codes.inScope.join(', ') || '-'}; out of scope ${d.codes.outOfScope.join(', ') || '-'}`,
  );
  out.push(
    `documentation: ${d.documentation.complete ? 'complete' : `missing ${d.documentation.missing.join(', ')}`}${d.documentation.window ? ` (notes dated ${d.documentation.window.from} to ${d.documentation.window.through})` : ''}`,
  );
  out.push('reasons:');
  for (const r of d.reasons)
    out.push(
      `  - ${r.text}${r.cites.length ? ` [source:${[...new Set(r.cites.map((c) => c.line))].join(',')}]` : ''}`,
    );
  return `${out.join('\n')}\n`;
}

/** `criteria evaluate --request FILE|-`: a determination for a request (or one per NDJSON line). */
export function registerEvaluate(program: Command, io: Io): void {
  program
    .command('evaluate')
    .description('evaluate a request: revision, criteria, route, missing documentation and reasons')
    .requiredOption('--request <FILE|->', 'request JSON file, or - for stdin')
    .option('--ndjson', 'one request per line; one determination (or error) per output line')
    .option('--json', 'print JSON')
    .action(async (opts: { request: string; ndjson?: boolean; json?: boolean }) => {
      if (opts.ndjson) {
        let bad = 0;
        const { chunks } = await openInput(io, '--request', opts.request);
        for await (const { line, text } of numberedLines(chunks)) {
          if (text.trim() === '') continue;
          const r = evaluateText(text);
          if (r.ok) io.stdout(`${JSON.stringify(r.value)}\n`);
          else {
            bad += 1;
            io.stdout(
              `${JSON.stringify({ line, error: { code: 'invalid_request', issues: r.issues.map(({ value: _v, ...rest }) => rest) } })}\n`,
            );
          }
        }
        if (bad > 0) {
          io.stderr(`criteria: ${bad} invalid request line(s); see the error lines on stdout\n`);
          throw new ExitStatus(2);
        }
        return;
      }
      const text = await readInput(io, '--request', opts.request);
      const r = evaluateText(text);
      if (!r.ok) {
        for (const issue of r.issues) io.stderr(`criteria: ${issue.message}\n`);
        throw new ExitStatus(2);
      }
      io.stdout(opts.json ? `${JSON.stringify(r.value, null, 2)}\n` : summarise(r.value));
    });
}
