import { buildChangelog, renderChangelogJson, renderChangelogMarkdown } from '@criteria/notice';
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { parseFormat } from '../output.js';
import { policiesOf } from '../registry.js';

const FORMATS = ['md', 'json'] as const;

/** `criteria changelog <policy>`: every revision, newest first, computed from the diffs. */
export function registerChangelog(program: Command, io: Io): void {
  program
    .command('changelog')
    .description('the whole history of a policy, newest first, computed from the revisions')
    .argument('<policy>', 'policy id, e.g. imrt')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'md')
    .action(async (policyId: string, opts: { format: string }) => {
      const format = parseFormat(opts.format, FORMATS);
      const log = buildChangelog(await policiesOf(io).load(policyId));
      io.stdout(format === 'json' ? renderChangelogJson(log) : renderChangelogMarkdown(log));
    });
}
