import type { Determination } from './determination.js';

const basisMark = (r: Determination['reasons'][number]): string =>
  r.basis === 'stated'
    ? r.cites.length
      ? ` [stated: source:${[...new Set(r.cites.map((c) => c.line))].join(',')}]`
      : ''
    : ` [${r.basis}: ${r.readings.map((x) => x.id).join(', ')}${r.cites.length ? `; source:${[...new Set(r.cites.map((c) => c.line))].join(',')}` : ''}]`;

/** How an indication stands under the governing revision, without looking at any other revision. */
const standing = (d: Determination, i: Determination['indications'][number]): string => {
  const name = i.id ?? '(a diagnosis mapped to no indication)';
  if (d.revision === null) return `${name}: no revision governs ${d.dateOfService}`;
  const named = i.named
    ? `named by revision ${d.revision.id} (first named by ${i.namedIn})`
    : `not named by revision ${d.revision.id}`;
  const route = i.route
    ? `; ${i.route}${i.reading ? ` (reading ${i.reading})` : ' (assumed)'}`
    : '';
  return `${name}: ${named}${route}`;
};

/**
 * A determination for people, as `criteria evaluate` prints it: the route first,
 * then the revision, readings edition, criteria, indications, flags, codes,
 * documentation (with what was ignored) and the reasons, each reason marked with
 * its basis: stated facts cite their source lines; readings and assumptions are named.
 */
export function renderDeterminationText(d: Determination): string {
  const out = [
    `${d.policy} · ${d.lineOfBusiness} · service ${d.dateOfService} · ${d.asOf === null ? 'everything approved' : `as known on ${d.asOf}`}`,
    `route:         ${d.route}`,
    `revision:      ${d.revision ? `${d.revision.id} (effective ${d.revision.effectiveOn}) sha256 ${d.revision.sha256.slice(0, 12)}` : 'none in effect'}`,
    `readings:      ${d.readings ? `edition ${d.readings.edition} sha256 ${d.readings.sha256.slice(0, 12)}` : 'none'}`,
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
      `indication:    ${standing(d, d.indication)}${d.indication.technique !== 'unknown' ? `; technique ${d.indication.technique}` : ''}`,
    );
  if (d.indications.length > 1) for (const i of d.indications) out.push(`  - ${standing(d, i)}`);
  for (const f of d.flags)
    out.push(`flag:          ${f.flag} (${f.subject})${basisMark({ ...f, rule: f.flag })}`);
  out.push(
    `codes:         in scope ${d.codes.inScope.join(', ') || '-'}; out of scope ${d.codes.outOfScope.join(', ') || '-'}${d.codes.deleted.length ? `; deleted ${d.codes.deleted.map((c) => c.code).join(', ')}` : ''}`,
  );
  out.push(
    `documentation: ${d.documentation.complete ? (d.documentation.required.length ? 'complete' : 'none required') : `missing ${d.documentation.missing.join(', ')}`}${d.documentation.window ? ` (notes dated ${d.documentation.window.from} to ${d.documentation.window.through})` : ''}`,
  );
  for (const x of d.documentation.ignored)
    out.push(`  ignored #${x.index}: ${x.kind} ${x.specialty} ${x.date}: ${x.why}`);
  out.push('reasons (stated facts cite their source lines; readings and assumptions are named):');
  for (const r of d.reasons) out.push(`  - ${r.text}${basisMark(r)}`);
  return `${out.join('\n')}\n`;
}
