import { assertIsoDate } from '@criteria/calendar';
import { revisionRef } from '@criteria/schema';
import { inEffect } from '@criteria/temporal';
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { policiesOf } from '../registry.js';

/** `criteria in-effect <policy> --date D [--as-of D]`: the revision governing a date of service. */
export function registerInEffect(program: Command, io: Io): void {
  program
    .command('in-effect')
    .description('the revision that governs a date of service, as known on a decision date')
    .argument('<policy>', 'policy id, e.g. imrt')
    .requiredOption('--date <YYYY-MM-DD>', 'date of service')
    .option('--as-of <YYYY-MM-DD>', 'knowledge date (default: everything approved)')
    .option('--json', 'print JSON')
    .action(async (policyId: string, opts: { date: string; asOf?: string; json?: boolean }) => {
      const policy = await policiesOf(io).load(policyId);
      const dateOfService = assertIsoDate(opts.date, '--date');
      const asOf = opts.asOf === undefined ? null : assertIsoDate(opts.asOf, '--as-of');
      const revision = inEffect(policy, dateOfService, { asOf: asOf ?? undefined });
      const result = {
        policy: policy.id,
        dateOfService,
        asOf,
        revision: revision && revisionRef(revision),
      };
      if (opts.json) return io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      const known = asOf === null ? '' : ` as known on ${asOf}`;
      io.stdout(
        revision === null
          ? `${policy.id}: no criteria revision is in effect on ${dateOfService}${known}\n`
          : `${policy.id}: revision ${revision.id} governs ${dateOfService}${known}\n` +
              `  approved ${revision.approvedOn}, effective ${revision.effectiveOn} (${revision.effectiveOnBasis})\n` +
              `  ${revision.summary}\n  sha256 ${revision.sha256}\n`,
      );
    });
}
