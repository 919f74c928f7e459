import type { Command } from 'commander';
import type { Io } from '../io.js';
import { policiesOf } from '../registry.js';
import { table } from '../text.js';

/**
 * `criteria list`: policies and their revisions, from each policy package's
 * generated metadata (the registry's `metaAll`): no zod, no validation, no hashing.
 */
export function registerList(program: Command, io: Io): void {
  program
    .command('list')
    .description('list the policies and their revisions')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const data = (await policiesOf(io).metaAll()).map((p) => ({
        id: p.id,
        title: p.title,
        revisions: p.revisions,
      }));
      if (opts.json) return io.stdout(`${JSON.stringify(data, null, 2)}\n`);
      for (const p of data) {
        io.stdout(`${p.id}  ${p.title}  (${p.revisions.length} revisions)\n`);
        io.stdout(
          table(
            ['revision', 'approved', 'effective', 'basis', 'sha256'],
            p.revisions.map((r) => [
              r.id,
              r.approvedOn,
              r.effectiveOn,
              r.effectiveOnBasis,
              r.sha256.slice(0, 12),
            ]),
          ),
        );
      }
    });
}
