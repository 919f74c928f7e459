import type { Determination } from './determination.js';

/**
 * A determination for people, as `criteria evaluate` prints it: the route
 * first, then the revision, criteria, indication, codes, documentation and the
 * reasons with their source lines.
 */
export function renderDeterminationText(d: Determination): string {
  const out = [
    `${d.policy} · ${d.lineOfBusiness} · service ${d.dateOfService} · ${d.asOf === null ? 'everything approved' : `as known on ${d.asOf}`}`,
    `route:         ${d.route}`,
    `revision:      ${d.revision ? `${d.revision.id} (effective ${d.revision.effectiveOn}) sha256 ${d.revision.sha256.slice(0, 12)}` : 'none in effect'}`,
  ];
  if (d.criteria.length > 0)
    out.push(
      `criteria:      ${d.criteria
        .map(
          (c) =>
            `${c.kind} ${c.id}${c.status === 'retired' ? ` (retired ${c.retiredOn}${c.applied ? ', still applied' : ', not applied'})` : ''}`,
        )
        .join('; ')}`,
    );
  if (d.indication)
    out.push(
      `indication:    ${d.indication.id}: ${d.indication.named ? `named since ${d.indication.since}` : d.indication.since ? `named only from ${d.indication.since}` : 'not named by the revision table'}${d.indication.requires ? `, requires ${d.indication.requires}` : ''}`,
    );
  out.push(
    `codes:         in scope ${d.codes.inScope.join(', ') || '-'}; out of scope ${d.codes.outOfScope.join(', ') || '-'}`,
  );
  out.push(
    `documentation: ${d.documentation.complete ? 'complete' : `missing ${d.documentation.missing.join(', ')}`}${d.documentation.window ? ` (notes dated ${d.documentation.window.from} to ${d.documentation.window.through})` : ''}`,
  );
  out.push('reasons:');
  for (const r of d.reasons)
    out.push(
      `  - ${r.text}${r.cites.length ? ` [source:${[...new Set(r.cites.map((c) => c.line))].join(',')}]` : ''}`,
    );
  return `${out.join('\n')}\n`;
}
