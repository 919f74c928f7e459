import type { Citation, LoadedRevision, Provenance } from '@criteria/schema';

/** How the record supports a fact. */
export type Basis = 'stated' | 'reading' | 'assumed' | 'not-stated';

/** One fact of a revision as the revision page lists it. */
export interface Fact {
  group: string;
  label: string;
  value: string;
  basis: Basis;
  cites: readonly Citation[];
  /** The reason, for a reading or an assumption. */
  reading?: string;
}

const lineName: Record<string, string> = { medicare: 'Medicare', commercial: 'Non-Medicare' };
const lineLabel = (line: string) => lineName[line] ?? line;

/** The basis a provenance gives: a reading when it carries one, else stated by its citations. */
export const basisOf = (p: Provenance): Basis => (p.reading !== undefined ? 'reading' : 'stated');

const fromProvenance = (group: string, label: string, value: string, p: Provenance): Fact => ({
  group,
  label,
  value,
  basis: basisOf(p),
  cites: p.cites,
  ...(p.reading !== undefined ? { reading: p.reading } : {}),
});

/**
 * Every fact of a revision with its basis: its dates, notice terms, codes,
 * criteria sources per line of business, indications and documentation.
 *
 * @example revisionFacts(imrt.revisions[6]).find((f) => f.label === 'Effective on')?.basis // => 'stated'
 */
export function revisionFacts(r: LoadedRevision): Fact[] {
  const facts: Fact[] = [];
  const rec = 'Revision record';
  facts.push(fromProvenance(rec, 'Approved on', r.approvedOn, { cites: r.provenance.cites }));
  facts.push({
    group: rec,
    label: 'Effective on',
    value: r.effectiveOn,
    basis: r.effectiveOnBasis,
    cites: r.provenance.cites,
    ...(r.provenance.reading !== undefined ? { reading: r.provenance.reading } : {}),
  });
  facts.push(
    fromProvenance(rec, 'Summary (revision table)', r.summary, { cites: r.provenance.cites }),
  );
  facts.push({
    group: rec,
    label: 'Advance notice',
    value: r.notice.required ? `${r.notice.periodDays} days` : 'not stated',
    basis: r.notice.basis === 'stated' ? basisOf(r.notice.provenance) : 'not-stated',
    cites: r.notice.provenance.cites,
    ...(r.notice.provenance.reading !== undefined ? { reading: r.notice.provenance.reading } : {}),
  });
  for (const c of r.codes)
    facts.push(
      fromProvenance(
        'Codes in scope',
        `${c.system} ${c.code}`,
        `${c.label}${c.deleted ? ' (a deleted code)' : ''}`,
        c.provenance,
      ),
    );
  for (const [line, criteria] of Object.entries(r.criteria)) {
    const group = `Criteria sources: ${lineLabel(line)} members`;
    for (const s of criteria.sources) {
      const retired = s.retirement
        ? `; retired ${s.retirement.on}${s.retirement.stillApplied ? ', still applied' : ''}`
        : '';
      const edition = s.edition ? `; edition ${s.edition}` : '';
      facts.push(
        fromProvenance(group, `${s.kind} ${s.id}`, `${s.title}${edition}${retired}`, s.provenance),
      );
      if (s.retirement)
        facts.push(
          fromProvenance(
            group,
            `${s.id} retirement`,
            `retired ${s.retirement.on}`,
            s.retirement.provenance,
          ),
        );
    }
    for (const n of criteria.statedNone)
      facts.push(fromProvenance(group, n.kind, 'none (stated)', n.provenance));
    if (criteria.silence)
      facts.push(
        fromProvenance(
          group,
          'Silence',
          'the source names no criteria source here',
          criteria.silence,
        ),
      );
  }
  facts.push(
    fromProvenance(
      'Indications',
      'Indication rules apply to',
      r.indicationRulesApplyTo.map(lineLabel).join(', ') || 'no line of business',
      r.indicationRulesProvenance,
    ),
  );
  for (const i of r.indications)
    facts.push(
      fromProvenance(
        'Indications',
        i.label,
        `${i.requires}; named in ${i.namedIn}. ${i.statement}`,
        i.provenance,
      ),
    );
  for (const u of r.unnamedIndications)
    facts.push(fromProvenance('Indications', `Unnamed (added ${u.addedIn})`, u.what, u.provenance));
  for (const d of r.documentation)
    facts.push(
      fromProvenance(
        'Documentation',
        d.label,
        `${d.kind} from ${d.specialty}, last ${d.lookbackMonths} months`,
        d.provenance,
      ),
    );
  return facts;
}

/**
 * Every cited line of a policy and what cites it (revision and fact), for the source view.
 *
 * @example citedLines(imrt.revisions).get(150) // => ['2021-03-02 · Effective on', ...]
 */
export function citedLines(revisions: readonly LoadedRevision[]): Map<number, string[]> {
  const lines = new Map<number, string[]>();
  for (const r of revisions)
    for (const f of revisionFacts(r))
      for (const c of f.cites) {
        const who = `${r.id} · ${f.label}`;
        const list = lines.get(c.line) ?? [];
        if (!list.includes(who)) list.push(who);
        lines.set(c.line, list);
      }
  return lines;
}
