import { type FieldIssue, LISTED_ISSUES, listIssues } from '@criteria/errors';
import { evaluateJson, renderDeterminationText } from '@criteria/evaluator';
import { MAX_LINE_LENGTH, numberedLines } from '@criteria/impact';
import type { Command } from 'commander';
import { openInput, readInput } from '../input.js';
import { ExitStatus, type Io } from '../io.js';
import { policiesOf } from '../registry.js';

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

/** `criteria evaluate --request FILE|-`: a determination for a request (or one per NDJSON line). */
export function registerEvaluate(program: Command, io: Io): void {
  program
    .command('evaluate')
    .description('evaluate a request: revision, criteria, route, missing documentation and reasons')
    .requiredOption('--request <FILE|->', 'request JSON file, or - for stdin')
    .option('--ndjson', 'one request per line; one determination (or error) per output line')
    .option('--json', 'print JSON')
    .action(async (opts: { request: string; ndjson?: boolean; json?: boolean }) => {
      // Every registered policy, loaded once: a request names its own.
      const loaded = new Map((await policiesOf(io).loadAll()).map((p) => [p.id, p]));
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
          const r = evaluateJson(text, loaded);
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
      const r = evaluateJson(text, loaded, { reportInput: true });
      if (!r.ok) {
        for (const message of listIssues(r.issues)) io.stderr(`criteria: ${message}\n`);
        throw new ExitStatus(2);
      }
      io.stdout(
        opts.json ? `${JSON.stringify(r.value, null, 2)}\n` : renderDeterminationText(r.value),
      );
    });
}
