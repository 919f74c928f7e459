import { diffRevisions } from '@criteria/diff';
import { renderDiffMarkdown, renderDiffText } from '@criteria/notice';
import { findRevision } from '@criteria/schema';
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { parseFormat } from '../output.js';
import { policiesOf } from '../registry.js';

const FORMATS = ['text', 'md', 'json'] as const;

/** `criteria diff <policy> <from> <to>`: the classified changes between any two revisions. */
export function registerDiff(program: Command, io: Io): void {
  program
    .command('diff')
    .description(
      'the changes between two revisions, each classified (expands, restricts, substantive, administrative, record); route changes are readings of the latest readings edition',
    )
    .argument('<policy>', 'policy id, e.g. imrt')
    .argument('<from>', 'revision id to compare from, e.g. 2017-12-05')
    .argument('<to>', 'revision id to compare to, e.g. 2021-03-02')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'text')
    .action(async (policyId: string, fromId: string, toId: string, opts: { format: string }) => {
      const format = parseFormat(opts.format, FORMATS);
      const policy = await policiesOf(io).load(policyId);
      const from = findRevision(policy, fromId, 'from');
      const to = findRevision(policy, toId, 'to');
      const readings = policy.readings.at(-1);
      const diff = diffRevisions(from, to, readings ? { readings } : {});
      io.stdout(
        format === 'json'
          ? `${JSON.stringify({ policy: policy.id, ...diff }, null, 2)}\n`
          : format === 'md'
            ? renderDiffMarkdown(diff, policy.id)
            : renderDiffText(diff, policy.id),
      );
    });
}
