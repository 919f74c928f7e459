import { assertIsoDate } from '@criteria/calendar';
import { revisionRef } from '@criteria/schema';
import { timeline } from '@criteria/temporal';
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { policiesOf } from '../registry.js';
import { table } from '../text.js';

/** `criteria timeline <policy>`: each revision and the dates of service it governs. */
export function registerTimeline(program: Command, io: Io): void {
  program
    .command('timeline')
    .description('each revision with the dates of service it governs')
    .argument('<policy>', 'policy id, e.g. imrt')
    .option('--as-of <YYYY-MM-DD>', 'show only what was known on this date')
    .option('--json', 'print JSON')
    .action(async (policyId: string, opts: { asOf?: string; json?: boolean }) => {
      const policy = await policiesOf(io).load(policyId);
      const asOf = opts.asOf === undefined ? undefined : assertIsoDate(opts.asOf, '--as-of');
      // Each entry's dates carry their basis: stated (with the row's words), a reading or assumed.
      const basis = (r: (typeof policy.revisions)[number]) => ({
        effectiveOn: r.effectiveOnBasis,
        cites: r.provenance.cites,
        reading: r.provenance.reading ?? null,
      });
      const entries = timeline(policy, { asOf }).map((e) =>
        e.status === 'governs'
          ? {
              revision: revisionRef(e.revision),
              status: e.status,
              from: e.from,
              through: e.through,
              supersededBy: e.supersededBy?.id ?? null,
              basis: basis(e.revision),
            }
          : {
              revision: revisionRef(e.revision),
              status: e.status,
              supersededBy: e.supersededBy.id,
              governedDecisionsBefore: e.supersededBy.approvedOn,
              basis: basis(e.revision),
            },
      );
      if (opts.json)
        return io.stdout(
          `${JSON.stringify({ policy: policy.id, asOf: asOf ?? null, entries }, null, 2)}\n`,
        );
      io.stdout(`${policy.title}\n`);
      io.stdout(
        table(
          ['revision', 'effective', 'governs dates of service', 'summary'],
          timeline(policy, { asOf }).map((e) => [
            e.revision.id,
            `${e.revision.effectiveOn} (${e.revision.effectiveOnBasis})`,
            e.status === 'governs'
              ? `${e.from} .. ${e.through ?? 'today'}`
              : `none: superseded by ${e.supersededBy.id} before it took effect (decisions before ${e.supersededBy.approvedOn} only)`,
            e.revision.summary.length > 60
              ? `${e.revision.summary.slice(0, 57)}...`
              : e.revision.summary,
          ]),
        ),
      );
    });
}
