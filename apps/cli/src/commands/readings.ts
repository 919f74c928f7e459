import { escapeControl } from '@criteria/errors';
import { renderReadingsMarkdown } from '@criteria/notice';
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { parseFormat, writeFileAtomic } from '../output.js';
import { policiesOf } from '../registry.js';

const FORMATS = ['md', 'json'] as const;

/** `criteria readings <policy>`: how the project reads the record (the latest readings edition). */
export function registerReadings(program: Command, io: Io): void {
  program
    .command('readings')
    .description(
      'the readings of a policy: each with what it decides, its basis and the alternative (docs/readings.md)',
    )
    .argument('<policy>', 'policy id, e.g. imrt')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'md')
    .option('--out <file>', 'write to this file (atomically) instead of standard output')
    .action(async (policyId: string, opts: { format: string; out?: string }) => {
      const format = parseFormat(opts.format, FORMATS);
      const policy = await policiesOf(io).load(policyId);
      const text =
        format === 'json'
          ? `${JSON.stringify({ policy: policy.id, edition: policy.readings.at(-1) ?? null }, null, 2)}\n`
          : renderReadingsMarkdown(policy);
      if (opts.out === undefined) return io.stdout(text);
      const written = writeFileAtomic(io.cwd, opts.out, text);
      io.stderr(`criteria: wrote ${escapeControl(written)}\n`);
    });
}
