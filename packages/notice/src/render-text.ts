import type { ProseDiff, RevisionDiff } from '@criteria/diff';
import { describeChange } from './describe.js';
import { impactName, linesName } from './internal/words.js';

/** A word diff in plain text, wdiff style: `[-old-]{+new+}`. */
export const proseText = (p: ProseDiff): string =>
  p.parts
    .map((x) => (x.op === 'equal' ? x.text : x.op === 'insert' ? `{+${x.text}+}` : `[-${x.text}-]`))
    .join('');

/**
 * A diff between two revisions as plain text for a terminal: one block per
 * change with its impact, rule and members, word diffs of prose in wdiff style.
 *
 * @example process.stdout.write(renderDiffText(diffRevisions(a, b), 'imrt'));
 */
export function renderDiffText(diff: RevisionDiff, policyId: string): string {
  const c = diff.counts;
  const lines = [
    `${policyId} ${diff.from.id} -> ${diff.to.id}: ${diff.changes.length} changes (${c['expands-coverage']} expand coverage, ${c['restricts-coverage']} restrict coverage, ${c.substantive} substantive, ${c.administrative} administrative, ${c.record} of the record); overall: ${impactName[diff.impact].toLowerCase()}`,
    ...(diff.readings
      ? [
          `  route changes are readings of edition ${diff.readings.edition} (sha256 ${diff.readings.sha256})`,
        ]
      : []),
  ];
  for (const x of diff.changes) {
    const d = describeChange(x);
    lines.push('', `  ${impactName[x.impact].toLowerCase()} · ${x.rule} · ${linesName(x.lines)}`);
    lines.push(`    ${d.text}`);
    if (x.kind === 'route-changed')
      lines.push(
        `    basis: reading ${x.before.reading ?? 'assumed'} -> ${x.after.reading ?? 'assumed'}`,
      );
    if (x.prose) lines.push(`    ${proseText(x.prose)}`);
  }
  return `${lines.join('\n')}\n`;
}
