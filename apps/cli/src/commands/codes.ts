import { assertIsoDate } from '@criteria/calendar';
import { CriteriaError, listIssues } from '@criteria/errors';
import { MAX_DESCRIPTORS_LENGTH, parseDescriptors, revisionRef } from '@criteria/schema';
import { inEffect } from '@criteria/temporal';
import type { Command } from 'commander';
import { readInput } from '../input.js';
import type { Io } from '../io.js';
import { policiesOf } from '../registry.js';
import { table } from '../text.js';

/**
 * `criteria codes <policy> [--date D] [--descriptors FILE]`: the procedure codes
 * in scope on a date of service. Labels are ours; a licensed deployment passes
 * its file of official descriptors (never stored in this repository).
 */
export function registerCodes(program: Command, io: Io): void {
  program
    .command('codes')
    .description('the procedure codes in scope on a date of service')
    .argument('<policy>', 'policy id, e.g. imrt')
    .option('--date <YYYY-MM-DD>', 'date of service (default: today)')
    .option('--as-of <YYYY-MM-DD>', 'knowledge date (default: everything approved)')
    .option('--descriptors <FILE>', 'licensed descriptors, one `CODE<TAB>descriptor` per line')
    .option('--json', 'print JSON')
    .action(
      async (
        policyId: string,
        opts: { date?: string; asOf?: string; descriptors?: string; json?: boolean },
      ) => {
        const policy = await policiesOf(io).load(policyId);
        const dateOfService = assertIsoDate(opts.date ?? io.today(), '--date');
        const asOf = opts.asOf === undefined ? undefined : assertIsoDate(opts.asOf, '--as-of');
        let descriptors: ReadonlyMap<string, string> | null = null;
        if (opts.descriptors !== undefined) {
          const file = opts.descriptors;
          const text = await readInput(io, '--descriptors', file, MAX_DESCRIPTORS_LENGTH);
          const parsed = parseDescriptors(text);
          if (!parsed.ok)
            throw new CriteriaError(
              'invalid_argument',
              parsed.issues,
              `--descriptors ${file}: ${listIssues(parsed.issues).join('; ')}`,
            );
          descriptors = parsed.value;
        }
        const revision = inEffect(policy, dateOfService, { asOf });
        const codes = (revision?.codes ?? []).map((c) => ({
          code: c.code,
          system: c.system,
          label: c.label,
          descriptor: descriptors?.get(c.code) ?? null,
          deleted: c.deleted !== undefined,
        }));
        if (opts.json)
          return io.stdout(
            `${JSON.stringify({ policy: policy.id, dateOfService, asOf: asOf ?? null, revision: revision && revisionRef(revision), codes }, null, 2)}\n`,
          );
        if (revision === null)
          return io.stdout(`${policy.id}: no criteria revision is in effect on ${dateOfService}\n`);
        io.stdout(
          `${policy.id}: ${codes.length} codes in scope on ${dateOfService} (revision ${revision.id})\n`,
        );
        io.stdout(
          table(
            ['code', 'system', descriptors ? 'descriptor (licensed file)' : 'label (ours)'],
            codes.map((c) => [
              c.code,
              c.system,
              `${c.descriptor ?? (descriptors ? `(not in the file) ${c.label}` : c.label)}${c.deleted ? ' [deleted code]' : ''}`,
            ]),
          ),
        );
      },
    );
}
