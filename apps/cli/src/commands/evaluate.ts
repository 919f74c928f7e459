import {
  escapeControl,
  type FieldIssue,
  LISTED_ISSUES,
  listIssues,
  type Result,
} from '@criteria/errors';
import { type Determination, safeEvaluateIn } from '@criteria/evaluator';
import type { Command } from 'commander';
import { openInput, readInput } from '../input.js';
import { ExitStatus, type Io } from '../io.js';
import { MAX_LINE_LENGTH, numberedLines } from '../lines.js';
import { policies } from '../registry.js';

/**
 * Parses and evaluates one request text (a leading byte-order mark is
 * ignored); every failure is a list of field issues. Input values appear in
 * issues only with `reportInput` (never those under `member`).
 */
export function evaluateText(
  text: string,
  options: { reportInput?: boolean } = {},
): Result<Determination, FieldIssue> {
  let input: unknown;
  try {
    input = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (e) {
    return {
      ok: false,
      issues: [
        {
          path: '',
          expected: 'JSON',
          message: `request: not valid JSON (${escapeControl((e as Error).message)})`,
        },
      ],
    };
  }
  return safeEvaluateIn(policies, input, options);
}

/** An error line of `--ndjson` output: the first issues, and how many more there were. */
const errorLine = (line: number, issues: readonly Omit<FieldIssue, 'value'>[]) =>
  `${JSON.stringify({
    line,
    error: {
      code: 'invalid_request',
      issues: issues.slice(0, LISTED_ISSUES).map(({ path, expected, message }) => ({
        path,
        expected,
        message,
      })),
      ...(issues.length > LISTED_ISSUES && { more: issues.length - LISTED_ISSUES }),
    },
  })}\n`;

const basisMark = (r: Determination['reasons'][number]): string =>
  r.basis === 'stated'
    ? r.cites.length
      ? ` [stated: source:${[...new Set(r.cites.map((c) => c.line))].join(',')}]`
      : ''
    : ` [${r.basis}: ${r.readings.map((x) => x.id).join(', ')}${r.cites.length ? `; source:${[...new Set(r.cites.map((c) => c.line))].join(',')}` : ''}]`;

/** How an indication stands under the governing revision, without looking at any other revision. */
const standing = (d: Determination, i: Determination['indications'][number]): string => {
  const name = i.id ?? '(a diagnosis mapped to no indication)';
  if (d.revision === null) return `${name}: no revision governs ${d.dateOfService}`;
  const named = i.named
    ? `named by revision ${d.revision.id} (first named by ${i.namedIn})`
    : `not named by revision ${d.revision.id}`;
  const route = i.route
    ? `; ${i.route}${i.reading ? ` (reading ${i.reading})` : ' (assumed)'}`
    : '';
  return `${name}: ${named}${route}`;
};

/** A determination for people: the route first, then why; readings and assumptions marked. */
export function summarise(d: Determination): string {
  const out = [
    `${d.policy} · ${d.lineOfBusiness} · service ${d.dateOfService} · ${d.asOf === null ? 'everything approved' : `as known on ${d.asOf}`}`,
    `route:         ${d.route}`,
    `revision:      ${d.revision ? `${d.revision.id} (effective ${d.revision.effectiveOn}) sha256 ${d.revision.sha256.slice(0, 12)}` : 'none in effect'}`,
    `readings:      ${d.readings ? `edition ${d.readings.edition} sha256 ${d.readings.sha256.slice(0, 12)}` : 'none'}`,
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
      `indication:    ${standing(d, d.indication)}${d.indication.technique !== 'unknown' ? `; technique ${d.indication.technique}` : ''}`,
    );
  if (d.indications.length > 1) for (const i of d.indications) out.push(`  - ${standing(d, i)}`);
  for (const f of d.flags)
    out.push(`flag:          ${f.flag} (${f.subject})${basisMark({ ...f, rule: f.flag })}`);
  out.push(
    `codes:         in scope ${d.codes.inScope.join(', ') || '-'}; out of scope ${d.codes.outOfScope.join(', ') || '-'}${d.codes.deleted.length ? `; deleted ${d.codes.deleted.map((c) => c.code).join(', ')}` : ''}`,
  );
  out.push(
    `documentation: ${d.documentation.complete ? (d.documentation.required.length ? 'complete' : 'none required') : `missing ${d.documentation.missing.join(', ')}`}${d.documentation.window ? ` (notes dated ${d.documentation.window.from} to ${d.documentation.window.through})` : ''}`,
  );
  for (const x of d.documentation.ignored)
    out.push(`  ignored #${x.index}: ${x.kind} ${x.specialty} ${x.date}: ${x.why}`);
  out.push('reasons (stated facts cite their source lines; readings and assumptions are named):');
  for (const r of d.reasons) out.push(`  - ${r.text}${basisMark(r)}`);
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
        for await (const { line, text, tooLong } of numberedLines(chunks)) {
          if (tooLong !== undefined) {
            bad += 1;
            const expected = `a request of at most ${MAX_LINE_LENGTH.toLocaleString('en-US')} characters`;
            io.stdout(
              errorLine(line, [
                {
                  path: '',
                  expected,
                  message: `request: ${tooLong.toLocaleString('en-US')} characters is not ${expected}`,
                },
              ]),
            );
            continue;
          }
          if (text.trim() === '') continue;
          const r = evaluateText(text);
          if (r.ok) io.stdout(`${JSON.stringify(r.value)}\n`);
          else {
            bad += 1;
            io.stdout(errorLine(line, r.issues));
          }
        }
        if (bad > 0) {
          io.stderr(`criteria: ${bad} invalid request line(s); see the error lines on stdout\n`);
          throw new ExitStatus(2);
        }
        return;
      }
      const text = await readInput(io, '--request', opts.request, MAX_LINE_LENGTH);
      // The user's own terminal: show what was wrong (never member data).
      const r = evaluateText(text, { reportInput: true });
      if (!r.ok) {
        for (const message of listIssues(r.issues)) io.stderr(`criteria: ${message}\n`);
        throw new ExitStatus(2);
      }
      io.stdout(opts.json ? `${JSON.stringify(r.value, null, 2)}\n` : summarise(r.value));
    });
}
