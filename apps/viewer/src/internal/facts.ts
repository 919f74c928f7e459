import type { Citation, LoadedRevision, Provenance } from '@criteria/schema';
import { lineLabel } from './words.js';

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
  // What route an indication takes is a reading of the readings edition (docs/readings.md), not a fact of the revision.
  for (const i of r.indications)
    facts.push(fromProvenance('Indications', i.label, `named in ${i.namedIn}`, i.provenance));
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

/** A readings edition as the viewer reads it (present in policies that keep readings apart). */
interface EditionView {
  edition: string;
  sha256: string;
  readings: readonly {
    id: string;
    appliesTo: readonly string[];
    statement: string;
    basis: { cites: readonly Citation[]; reason: string };
    alternative?: string;
  }[];
}

/**
 * The readings of the policy's latest readings edition that apply to a revision,
 * as facts with the basis `reading` (their cited lines and their reason); none
 * for a policy whose revisions carry their readings inline.
 */
export function revisionReadings(
  policy: object,
  revisionId: string,
): { edition: { id: string; sha256: string } | null; facts: Fact[] } {
  const editions = ((policy as { readings?: unknown }).readings ?? []) as readonly EditionView[];
  const latest = editions.at(-1);
  if (!latest) return { edition: null, facts: [] };
  return {
    edition: { id: latest.edition, sha256: latest.sha256 },
    facts: latest.readings
      .filter((x) => x.appliesTo.includes(revisionId))
      .map((x) => ({
        group: `Readings (edition ${latest.edition})`,
        label: x.id,
        value: x.statement,
        basis: 'reading' as const,
        cites: x.basis.cites,
        reading: `${x.basis.reason}${x.alternative ? ` Alternative reading: ${x.alternative}` : ''}`,
      })),
  };
}

/**
 * Every cited line of a policy and what cites it (revision and fact), for the source view.
 *
 * @example citedLines(imrt).get(150) // => ['2021-03-02 · Effective on', ...]
 */
export function citedLines(policy: {
  readonly revisions: readonly LoadedRevision[];
}): Map<number, string[]> {
  const lines = new Map<number, string[]>();
  for (const r of policy.revisions)
    for (const f of [...revisionFacts(r), ...revisionReadings(policy, r.id).facts])
      for (const c of f.cites) {
        const who = `${r.id} · ${f.label}`;
        const list = lines.get(c.line) ?? [];
        if (!list.includes(who)) list.push(who);
        lines.set(c.line, list);
      }
  return lines;
}
