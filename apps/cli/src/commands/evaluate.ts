import { evaluateJson, renderDeterminationText } from '@criteria/evaluator';
import { numberedLines } from '@criteria/impact';
import type { Command } from 'commander';
import { openInput, readInput } from '../input.js';
import { ExitStatus, type Io } from '../io.js';
import { policiesOf } from '../registry.js';

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
        for await (const { line, text } of numberedLines(chunks)) {
          if (text.trim() === '') continue;
          const r = evaluateJson(text, loaded);
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
      const r = evaluateJson(text, loaded);
      if (!r.ok) {
        for (const issue of r.issues) io.stderr(`criteria: ${issue.message}\n`);
        throw new ExitStatus(2);
      }
      io.stdout(
        opts.json ? `${JSON.stringify(r.value, null, 2)}\n` : renderDeterminationText(r.value),
      );
    });
}
