import {
  type CriteriaSource,
  type LineOfBusiness,
  LineOfBusinessSchema,
  type LoadedRevision,
  type ProcedureCode,
  type ReadingsEdition,
  type Revision,
  revisionRef,
} from '@criteria/schema';
import { match } from 'ts-pattern';
import type {
  Area,
  Change,
  CodeFacts,
  Delta,
  DocumentationFacts,
  Impact,
  IndicationFacts,
  ProseDiff,
  RevisionDiff,
  SourceFacts,
  UnnamedIndicationFacts,
} from './change.js';
import { IMPACTS } from './change.js';
import { proseDiff } from './prose.js';
import { routeDeltas } from './routes.js';
import { ruleFor, rules } from './rules.js';

/** Options of {@link diffRevisions}. */
export interface DiffOptions {
  /**
   * The readings edition whose routes are compared: with it, the diff also holds
   * `route-changed` changes (readings, never facts). Without it, facts only.
   */
  readings?: ReadingsEdition;
}

const ALL_LINES: readonly LineOfBusiness[] = LineOfBusinessSchema.options;

/**
 * The changes from revision `from` to revision `to`, classified. Works for any
 * two revisions of a policy, in either order: `diffRevisions(b, a)` holds the
 * inverse of every change in `diffRevisions(a, b)`. Provenance (citations and
 * readings) is not compared: it says where a fact comes from, not what it is.
 * Given a readings edition, routes that change between the two are added as
 * `route-changed` (what the edition reads, never what the revisions state).
 *
 * @example
 * const d = diffRevisions(policy.revisions[5], policy.revisions[6], { readings: policy.readings.at(-1) });
 * d.changes.filter((c) => c.kind === 'route-changed').map((c) => c.indication);
 * d.impact; // => 'substantive'
 */
export function diffRevisions(
  from: LoadedRevision,
  to: LoadedRevision,
  options: DiffOptions = {},
): RevisionDiff {
  const deltas = from.sha256 === to.sha256 ? [] : computeDeltas(from, to);
  if (options.readings) deltas.push(...routeDeltas(from, to, options.readings));
  const changes = deltas.map(classify);
  const counts = Object.fromEntries(IMPACTS.map((i) => [i, 0])) as Record<Impact, number>;
  for (const c of changes) counts[c.impact] += 1;
  return {
    from: revisionRef(from),
    to: revisionRef(to),
    changes,
    impact: overallImpact(changes),
    counts,
    readings: options.readings
      ? { edition: options.readings.edition, sha256: options.readings.sha256 }
      : null,
  };
}

/**
 * The strongest impact among changes: a restriction outweighs a substantive
 * change of unknown direction, which outweighs an expansion, then an
 * administrative change, then a change of the revision record alone.
 *
 * @example overallImpact([{ impact: 'administrative' }, { impact: 'expands-coverage' }]) // => 'expands-coverage'
 */
export function overallImpact(changes: readonly { impact: Impact }[]): Impact | 'none' {
  const has = (i: Impact) => changes.some((c) => c.impact === i);
  for (const i of IMPACTS) if (has(i)) return i;
  return 'none';
}

/** Adds the rule, impact, subject, area, lines and prose diff to a delta. */
export function classify(delta: Delta): Change {
  const rule = ruleFor(delta);
  // Which members an indication concerns is a reading (see route changes): every line.
  const indicationLines = [...ALL_LINES];
  const where = match<Delta, { subject: string; area: Area; lines: LineOfBusiness[] }>(delta)
    .with({ kind: 'date-changed' }, (d) => ({
      subject: `revision:${d.field}`,
      area: 'record',
      lines: [],
    }))
    .with({ kind: 'effective-basis-changed' }, () => ({
      subject: 'revision:effectiveOnBasis',
      area: 'record',
      lines: [],
    }))
    .with({ kind: 'summary-changed' }, () => ({
      subject: 'revision:summary',
      area: 'record',
      lines: [],
    }))
    .with({ kind: 'notice-changed' }, () => ({
      subject: 'revision:notice',
      area: 'notice',
      lines: [],
    }))
    .with({ kind: 'code-added' }, { kind: 'code-removed' }, { kind: 'code-changed' }, (d) => ({
      subject: `code:${d.code}`,
      area: 'codes',
      lines: [...ALL_LINES],
    }))
    .with(
      { kind: 'source-added' },
      { kind: 'source-removed' },
      { kind: 'source-changed' },
      (d) => ({
        subject: `source:${d.line}:${d.id}`,
        area: 'criteria',
        lines: [d.line],
      }),
    )
    .with({ kind: 'source-replaced' }, (d) => ({
      subject: `source:${d.line}:${d.before.kind}`,
      area: 'criteria',
      lines: [d.line],
    }))
    .with({ kind: 'stated-none-changed' }, (d) => ({
      subject: `stated-none:${d.line}:${d.sourceKind}`,
      area: 'criteria',
      lines: [d.line],
    }))
    .with({ kind: 'criteria-silence-changed' }, (d) => ({
      subject: `silence:${d.line}`,
      area: 'criteria',
      lines: [d.line],
    }))
    .with({ kind: 'route-changed' }, (d) => ({
      subject: `route:${d.line}:${d.indication}${d.technique ? `:${d.technique}` : ''}`,
      area: 'indications',
      lines: [d.line],
    }))
    .with(
      { kind: 'indication-added' },
      { kind: 'indication-removed' },
      { kind: 'indication-changed' },
      (d) => ({ subject: `indication:${d.id}`, area: 'indications', lines: indicationLines }),
    )
    .with(
      { kind: 'unnamed-indication-added' },
      { kind: 'unnamed-indication-removed' },
      { kind: 'unnamed-indication-changed' },
      (d) => ({
        subject: `unnamed-indication:${d.key}`,
        area: 'indications',
        lines: indicationLines,
      }),
    )
    .with(
      { kind: 'documentation-added' },
      { kind: 'documentation-removed' },
      { kind: 'documentation-changed' },
      (d) => ({ subject: `documentation:${d.id}`, area: 'documentation', lines: [...ALL_LINES] }),
    )
    .exhaustive();
  const prose = proseOf(delta);
  return {
    ...delta,
    ...where,
    impact: rules[rule].impact,
    rule,
    ...(prose ? { prose } : {}),
  };
}

/** The word diff of a change to a prose field; none for other changes. */
const proseOf = (delta: Delta): ProseDiff | undefined =>
  match<Delta, ProseDiff | undefined>(delta)
    .with({ kind: 'summary-changed' }, (d) => proseDiff(d.before, d.after))
    .with({ kind: 'indication-changed', field: 'label' }, (d) =>
      proseDiff(d.before.label, d.after.label),
    )
    .with({ kind: 'code-changed', field: 'label' }, (d) => proseDiff(d.before.label, d.after.label))
    .with({ kind: 'source-changed', field: 'title' }, (d) =>
      proseDiff(d.before.title, d.after.title),
    )
    .with({ kind: 'documentation-changed', field: 'label' }, (d) =>
      proseDiff(d.before.label, d.after.label),
    )
    .with({ kind: 'unnamed-indication-changed' }, (d) => proseDiff(d.before.what, d.after.what))
    .otherwise(() => undefined);

// ---------------------------------------------------------------------------
// Facts: what the diff compares, without provenance.

/** A code counts as deleted when its record says so (`deleted`, with the source's words). */
const codeFacts = (c: ProcedureCode): CodeFacts => ({
  code: c.code,
  system: c.system,
  label: c.label,
  deleted: c.deleted !== undefined,
});

const sourceFacts = (s: CriteriaSource): SourceFacts => ({
  kind: s.kind,
  id: s.id,
  title: s.title,
  edition: s.edition ?? null,
  retirement: s.retirement
    ? { on: s.retirement.on, stillApplied: s.retirement.stillApplied }
    : null,
  content: { provider: s.content.provider, key: s.content.key, licensed: s.content.licensed },
});

const indicationFacts = (i: Revision['indications'][number]): IndicationFacts => ({
  id: i.id,
  label: i.label,
  namedIn: i.namedIn,
});

const documentationFacts = (d: Revision['documentation'][number]): DocumentationFacts => ({
  id: d.id,
  label: d.label,
  kind: d.kind,
  specialty: d.specialty,
  lookbackMonths: d.lookbackMonths,
});

/** Unnamed indications have no id: the key is the revision that added them, with an ordinal. */
const unnamedByKey = (r: Revision): Map<string, UnnamedIndicationFacts> => {
  const seen = new Map<string, number>();
  const out = new Map<string, UnnamedIndicationFacts>();
  for (const u of r.unnamedIndications) {
    const n = (seen.get(u.addedIn) ?? 0) + 1;
    seen.set(u.addedIn, n);
    out.set(`${u.addedIn}#${n}`, { addedIn: u.addedIn, what: u.what });
  }
  return out;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Keyed comparison: added (in `to` order), changed field by field, then removed (in `from` order). */
function compareKeyed<F extends object, D>(
  before: ReadonlyMap<string, F>,
  after: ReadonlyMap<string, F>,
  fields: readonly (keyof F & string)[],
  make: {
    added: (key: string, f: F) => D;
    removed: (key: string, f: F) => D;
    changed: (key: string, field: keyof F & string, b: F, a: F) => D;
  },
): D[] {
  const out: D[] = [];
  for (const [key, a] of after) {
    const b = before.get(key);
    if (b === undefined) out.push(make.added(key, a));
    else for (const f of fields) if (!same(b[f], a[f])) out.push(make.changed(key, f, b, a));
  }
  for (const [key, b] of before) if (!after.has(key)) out.push(make.removed(key, b));
  return out;
}

const byKey = <T, F>(xs: readonly T[], key: (x: T) => string, facts: (x: T) => F) =>
  new Map(xs.map((x) => [key(x), facts(x)]));

function computeDeltas(from: Revision, to: Revision): Delta[] {
  const out: Delta[] = [];

  // The revision record.
  for (const field of ['approvedOn', 'effectiveOn'] as const)
    if (from[field] !== to[field])
      out.push({ kind: 'date-changed', field, before: from[field], after: to[field] });
  if (from.effectiveOnBasis !== to.effectiveOnBasis)
    out.push({
      kind: 'effective-basis-changed',
      before: from.effectiveOnBasis,
      after: to.effectiveOnBasis,
    });
  if (from.summary !== to.summary)
    out.push({ kind: 'summary-changed', before: from.summary, after: to.summary });
  const notice = (r: Revision) => ({
    required: r.notice.required,
    periodDays: r.notice.periodDays,
    basis: r.notice.basis,
  });
  if (!same(notice(from), notice(to)))
    out.push({ kind: 'notice-changed', before: notice(from), after: notice(to) });

  // Codes in scope.
  out.push(
    ...compareKeyed<CodeFacts, Delta>(
      byKey(from.codes, (c) => c.code, codeFacts),
      byKey(to.codes, (c) => c.code, codeFacts),
      ['label', 'system', 'deleted'],
      {
        added: (code, after) => ({ kind: 'code-added', code, before: null, after }),
        removed: (code, before) => ({ kind: 'code-removed', code, before, after: null }),
        changed: (code, field, before, after) => ({
          kind: 'code-changed',
          code,
          field: field as 'label' | 'system' | 'deleted',
          before,
          after,
        }),
      },
    ),
  );

  // Criteria sources, line by line.
  for (const line of ALL_LINES) {
    const b = from.criteria[line];
    const a = to.criteria[line];
    const found = compareKeyed<SourceFacts, Delta>(
      byKey(b.sources, (s) => s.id, sourceFacts),
      byKey(a.sources, (s) => s.id, sourceFacts),
      ['kind', 'title', 'edition', 'retirement', 'content'],
      {
        added: (id, after) => ({ kind: 'source-added', line, id, before: null, after }),
        removed: (id, before) => ({ kind: 'source-removed', line, id, before, after: null }),
        changed: (id, field, before, after) => ({
          kind: 'source-changed',
          line,
          id,
          field: field as 'kind' | 'title' | 'edition' | 'retirement' | 'content',
          before,
          after,
        }),
      },
    );
    out.push(...pairReplacements(line, found));
    const noneBefore = new Set(b.statedNone.map((n) => n.kind));
    const noneAfter = new Set(a.statedNone.map((n) => n.kind));
    for (const sourceKind of [...noneAfter].filter((k) => !noneBefore.has(k)))
      out.push({ kind: 'stated-none-changed', line, sourceKind, before: false, after: true });
    for (const sourceKind of [...noneBefore].filter((k) => !noneAfter.has(k)))
      out.push({ kind: 'stated-none-changed', line, sourceKind, before: true, after: false });
    const silence = (l: typeof b) => l.silence?.reading ?? (l.silence ? 'silent' : null);
    if (silence(b) !== silence(a))
      out.push({ kind: 'criteria-silence-changed', line, before: silence(b), after: silence(a) });
  }

  // Indications.
  out.push(
    ...compareKeyed<IndicationFacts, Delta>(
      byKey(from.indications, (i) => i.id, indicationFacts),
      byKey(to.indications, (i) => i.id, indicationFacts),
      ['label', 'namedIn'],
      {
        added: (id, after) => ({ kind: 'indication-added', id, before: null, after }),
        removed: (id, before) => ({ kind: 'indication-removed', id, before, after: null }),
        changed: (id, field, before, after) => ({
          kind: 'indication-changed',
          id,
          field: field as 'label' | 'namedIn',
          before,
          after,
        }),
      },
    ),
  );
  out.push(
    ...compareKeyed<UnnamedIndicationFacts, Delta>(unnamedByKey(from), unnamedByKey(to), ['what'], {
      added: (key, after) => ({ kind: 'unnamed-indication-added', key, before: null, after }),
      removed: (key, before) => ({ kind: 'unnamed-indication-removed', key, before, after: null }),
      changed: (key, _field, before, after) => ({
        kind: 'unnamed-indication-changed',
        key,
        before,
        after,
      }),
    }),
  );

  // Documentation.
  out.push(
    ...compareKeyed<DocumentationFacts, Delta>(
      byKey(from.documentation, (d) => d.id, documentationFacts),
      byKey(to.documentation, (d) => d.id, documentationFacts),
      ['lookbackMonths', 'label', 'kind', 'specialty'],
      {
        added: (id, after) => ({ kind: 'documentation-added', id, before: null, after }),
        removed: (id, before) => ({ kind: 'documentation-removed', id, before, after: null }),
        changed: (id, field, before, after) => ({
          kind: 'documentation-changed',
          id,
          field: field as 'label' | 'kind' | 'specialty' | 'lookbackMonths',
          before,
          after,
        }),
      },
    ),
  );
  return out;
}

/**
 * A source removed and another of the same kind added on the same line is one
 * swap (an article replaced by its successor). Sources of different kinds are
 * never paired: dropping an LCD while adding an article is two changes.
 */
function pairReplacements(line: LineOfBusiness, found: Delta[]): Delta[] {
  const added = found.filter((d) => d.kind === 'source-added');
  const removed = found.filter((d) => d.kind === 'source-removed');
  const paired = new Set<Delta>();
  const replaced: Delta[] = [];
  for (const r of removed) {
    const a = added.find((x) => !paired.has(x) && x.after.kind === r.before.kind);
    if (!a) continue;
    paired.add(a);
    paired.add(r);
    replaced.push({ kind: 'source-replaced', line, before: r.before, after: a.after });
  }
  return [...replaced, ...found.filter((d) => !paired.has(d))];
}
