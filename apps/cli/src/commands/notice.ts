import { assertIsoDate } from '@criteria/calendar';
import { escapeControl } from '@criteria/errors';
import {
  buildNotice,
  renderNoticeHtml,
  renderNoticeJson,
  renderNoticeMarkdown,
} from '@criteria/notice';
import { renderNoticePdf } from '@criteria/notice-pdf';
import { findRevision } from '@criteria/schema';
import type { Command } from 'commander';
import { type Io, UsageError } from '../io.js';
import { parseFormat, writeFileAtomic } from '../output.js';
import { policiesOf } from '../registry.js';

const FORMATS = ['md', 'html', 'json', 'pdf'] as const;

/** `criteria notice <policy> <revision>`: the change notice of a revision, for providers. */
export function registerNotice(program: Command, io: Io): void {
  program
    .command('notice')
    .description('the change notice of a revision: dates, notice due date, lead time, changes')
    .argument('<policy>', 'policy id, e.g. imrt')
    .argument('<revision>', 'revision id, e.g. 2023-01-10')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'md')
    .option('--out <file>', 'write to this file (atomically) instead of standard output')
    .option(
      '--produced-on <YYYY-MM-DD>',
      'the production date: the notice shows what was approved and dated by then (default: the due date, else the effective date)',
    )
    .option('--edition <id>', 'the readings edition to show (default: the latest)')
    .action(
      async (
        policyId: string,
        revisionId: string,
        opts: { format: string; out?: string; producedOn?: string; edition?: string },
      ) => {
        const format = parseFormat(opts.format, FORMATS);
        // A PDF is bytes for a file, not text for a terminal: said before anything is loaded.
        if (format === 'pdf' && opts.out === undefined)
          throw new UsageError(
            '--out is required with --format pdf: a PDF is written to a file (--out FILE), not to standard output',
          );
        const policy = await policiesOf(io).load(policyId);
        const revision = findRevision(policy, revisionId);
        const producedOn =
          opts.producedOn === undefined
            ? undefined
            : assertIsoDate(opts.producedOn, '--produced-on');
        const notice = buildNotice(policy, revision.id, {
          ...(producedOn ? { producedOn } : {}),
          ...(opts.edition ? { edition: opts.edition } : {}),
        });
        if (format === 'pdf' && opts.out !== undefined) {
          const pdf = writeFileAtomic(io.cwd, opts.out, await renderNoticePdf(notice));
          return io.stderr(`criteria: wrote ${escapeControl(pdf)}\n`);
        }
        const text =
          format === 'json'
            ? renderNoticeJson(notice)
            : format === 'html'
              ? renderNoticeHtml(notice)
              : renderNoticeMarkdown(notice);
        if (opts.out === undefined) return io.stdout(text);
        const written = writeFileAtomic(io.cwd, opts.out, text);
        io.stderr(`criteria: wrote ${escapeControl(written)}\n`);
      },
    );
}
