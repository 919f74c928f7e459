import { IsoDateSchema } from '@criteria/calendar';
import {
  type Area,
  type Change,
  diffRevisions,
  IMPACTS,
  RELEASE_TYPES,
  releaseType,
} from '@criteria/diff';
import { CriteriaError, formatIssue } from '@criteria/errors';
import {
  CitationSchema,
  checkNoticePeriod,
  EffectiveOnBasisSchema,
  findRevision,
  LineOfBusinessSchema,
  type LoadedPolicy,
  type LoadedRevision,
  leadDays,
  noticeDueBy,
  type Provenance,
  type ReadingsEdition,
  Sha256Schema,
} from '@criteria/schema';
import { selectRevision } from '@criteria/temporal';
import { z } from 'zod';
import { describeChange } from './describe.js';

const ImpactSchema = z.enum(IMPACTS);

/**
 * A code row in a notice: our short label, never a licensed descriptor.
 *
 * @example NoticeCodeSchema.parse({ code: '77301', system: 'CPT', label: 'IMRT treatment plan' })
 */
export const NoticeCodeSchema = z.object({
  code: z.string(),
  system: z.enum(['CPT', 'HCPCS']),
  label: z.string(),
});

/**
 * What a statement of the notice rests on: the source states it (`cites` hold
 * verbatim quotes with their lines), it is a reading (`readings` name each, with
 * the reason), or it is assumed (the reason says what was assumed).
 */
export const BasisSchema = z.object({
  kind: z.enum(['stated', 'reading', 'assumed']),
  cites: z.array(CitationSchema),
  readings: z.array(z.object({ id: z.string(), reason: z.string() })),
});
export type Basis = z.infer<typeof BasisSchema>;

/**
 * One change as a notice states it.
 *
 * @example buildNotice(imrt, '2023-01-10').changes.map((c) => NoticeChangeSchema.parse(c).text)
 */
export const NoticeChangeSchema = z.object({
  /** The kind of change (see `@criteria/diff`). */
  kind: z.string(),
  /** Stable key of what changed, e.g. `indication:pancreatic-cancer`. */
  subject: z.string(),
  area: z.enum(['codes', 'criteria', 'indications', 'documentation']),
  impact: ImpactSchema,
  /** The id of the classification rule. */
  rule: z.string(),
  lines: z.array(LineOfBusinessSchema),
  /** Plain language for providers: our summary, never a quotation. */
  text: z.string(),
  /** What the change rests on; its `cites` carry the source's own words. */
  basis: BasisSchema,
});
/**
 * One change as a notice states it.
 *
 * @example notice.changes.map((c: NoticeChange) => `${c.impact}: ${c.text}`)
 */
export type NoticeChange = z.infer<typeof NoticeChangeSchema>;

/** A reading or assumption a notice depends on, for its "How we read the record" section. */
export const NoticeReadingSchema = z.object({
  /** The edition's reading id, or where a revision module records it (`<revision>:<field>`). */
  id: z.string(),
  kind: z.enum(['reading', 'assumed']),
  /** What the reading says, in our words. */
  statement: z.string(),
  reason: z.string(),
  cites: z.array(CitationSchema),
  alternative: z.string().nullable(),
});
export type NoticeReading = z.infer<typeof NoticeReadingSchema>;

/**
 * The change notice of one revision, as JSON carries it. The shape is
 * versioned by `format`; a field is never renamed within a format.
 *
 * @example
 * const notice = ChangeNoticeSchema.parse(JSON.parse(readFileSync('notice.json', 'utf8')));
 * if (!notice.compliant) console.error(`notice period not met for ${notice.revision}`);
 */
export const ChangeNoticeSchema = z.object({
  format: z.literal('criteria-notice/2'),
  policy: z.object({
    id: z.string(),
    title: z.string(),
    plan: z.string(),
    /** Where the plan's name is stated. */
    planCites: z.array(CitationSchema),
  }),
  /**
   * The production date: what the notice knows is what was approved, and the
   * source statuses dated, on or before it. An input (default: the notice's due
   * date, else the effective date), never the clock.
   */
  producedOn: IsoDateSchema,
  /** The revision id (its approval date). */
  revision: IsoDateSchema,
  sha256: Sha256Schema,
  /** The readings edition whose readings the notice shows; null when the policy has none. */
  readings: z.object({ edition: IsoDateSchema, sha256: Sha256Schema }).nullable(),
  approvedOn: IsoDateSchema,
  effectiveOn: IsoDateSchema,
  effectiveOnBasis: EffectiveOnBasisSchema,
  /** The revision table's row for this revision: its line and its words, verbatim. */
  summary: z.object({ line: z.number().int().nullable(), quote: z.string() }),
  /** The revision it replaces (the previous one in approval order); null for the first. */
  replaces: z
    .object({ revision: IsoDateSchema, sha256: Sha256Schema, effectiveOn: IsoDateSchema })
    .nullable(),
  /**
   * Set when a revision approved by the production date took effect on or before
   * this one's effective date: this one governed no date of service, only
   * decisions made before its successor was approved.
   */
  supersededBeforeEffective: z
    .object({ by: IsoDateSchema, approvedOn: IsoDateSchema, effectiveOn: IsoDateSchema })
    .nullable(),
  notice: z.object({
    required: z.boolean(),
    periodDays: z.number().int().nullable(),
    basis: z.enum(['stated', 'not-stated']),
  }),
  /** The last day to send the notice: effectiveOn minus the period; null when none is stated. */
  noticeDueBy: IsoDateSchema.nullable(),
  /** Days from approval to effect. */
  leadDays: z.number().int(),
  /** Whether the lead time meets the notice period (true when no notice period is stated). */
  compliant: z.boolean(),
  impact: z.enum([...IMPACTS, 'none']),
  /** The version bump of the policy package this revision calls for. */
  releaseType: z.enum(RELEASE_TYPES),
  /** "Applies to:": the lines of business whose members the changes concern (networks: not stated). */
  linesOfBusiness: z.array(LineOfBusinessSchema),
  codes: z.object({
    /** Codes in scope from the effective date. */
    inScope: z.array(NoticeCodeSchema),
    added: z.array(NoticeCodeSchema),
    removed: z.array(NoticeCodeSchema),
  }),
  /** What changes for providers (the record's own dates, summary and notice terms are above). */
  changes: z.array(NoticeChangeSchema),
  /** Every reading and assumption the notice depends on ("How we read the record"). */
  howWeRead: z.array(NoticeReadingSchema),
});
/**
 * The change notice of one revision.
 *
 * @example const n: ChangeNotice = buildNotice(imrt, '2021-03-02'); n.noticeDueBy; // => '2021-06-02'
 */
export type ChangeNotice = z.infer<typeof ChangeNoticeSchema>;

/** Options of {@link buildNotice}. */
export interface NoticeOptions {
  /** The production date (default: the due date, else the effective date). Never the clock. */
  producedOn?: string;
  /** The readings edition (by id) the notice shows; default the policy's latest. */
  edition?: string;
}

const providerAreas: readonly Area[] = ['codes', 'criteria', 'indications', 'documentation'];
type ProviderChange = Change & { area: NoticeChange['area'] };

const editionOf = (policy: LoadedPolicy, id: string | undefined): ReadingsEdition | null => {
  if (id === undefined) return policy.readings.at(-1) ?? null;
  const found = policy.readings.find((e) => e.edition === id);
  if (found) return found;
  throw new CriteriaError('unknown_revision', [
    formatIssue(
      'edition',
      id,
      `a readings edition of ${policy.id} (known: ${policy.readings.map((e) => e.edition).join(', ') || 'none'})`,
    ),
  ]);
};

/** Collects the basis of each statement and the readings behind them, once each. */
class Readings {
  readonly used = new Map<string, NoticeReading>();
  constructor(readonly edition: ReadingsEdition | null) {}

  /** The basis of a fact recorded with a provenance (a reading there is named by where it is recorded). */
  fromProvenance(p: Provenance | undefined, where: string, statement: string): Basis {
    if (p === undefined) return { kind: 'stated', cites: [], readings: [] };
    if (p.reading === undefined) return { kind: 'stated', cites: [...p.cites], readings: [] };
    const assumed = /\bassumed\b/i.test(p.reading);
    this.used.set(where, {
      id: where,
      kind: assumed ? 'assumed' : 'reading',
      statement,
      reason: p.reading,
      cites: [...p.cites],
      alternative: null,
    });
    return {
      kind: assumed ? 'assumed' : 'reading',
      cites: [...p.cites],
      readings: [{ id: where, reason: p.reading }],
    };
  }

  /** The basis of a route change: the edition's readings on both sides. */
  fromReadings(ids: readonly (string | null)[]): Basis {
    const found = ids.flatMap((id) => {
      const r = id === null ? undefined : this.edition?.readings.find((x) => x.id === id);
      return r ? [r] : [];
    });
    for (const r of found)
      this.used.set(r.id, {
        id: r.id,
        kind: 'reading',
        statement: r.statement,
        reason: r.basis.reason,
        cites: [...r.basis.cites],
        alternative: r.alternative ?? null,
      });
    if (found.length === 0)
      return {
        kind: 'assumed',
        cites: [],
        readings: [{ id: 'assumed', reason: 'No reading of the edition decides this route.' }],
      };
    return {
      kind: 'reading',
      cites: found.flatMap((r) => r.basis.cites),
      readings: found.map((r) => ({ id: r.id, reason: r.basis.reason })),
    };
  }
}

/** The provenance behind a change, looked up in the revision that holds the thing. */
function provenanceOf(
  c: ProviderChange,
  from: LoadedRevision | undefined,
  to: LoadedRevision,
): { p: Provenance | undefined; where: string } {
  const side = (c.after === null ? from : to) ?? to;
  switch (c.kind) {
    case 'code-added':
    case 'code-removed':
    case 'code-changed': {
      const code = side.codes.find((x) => x.code === c.code);
      return {
        p: code?.deleted?.provenance ?? code?.provenance,
        where: `${side.id}:code:${c.code}`,
      };
    }
    case 'source-added':
    case 'source-removed':
    case 'source-changed': {
      const s = side.criteria[c.line].sources.find((x) => x.id === c.id);
      return { p: s?.provenance, where: `${side.id}:criteria.${c.line}.${c.id}` };
    }
    case 'source-replaced': {
      const s = to.criteria[c.line].sources.find((x) => x.id === c.after.id);
      return { p: s?.provenance, where: `${to.id}:criteria.${c.line}.${c.after.id}` };
    }
    case 'stated-none-changed': {
      const n = side.criteria[c.line].statedNone.find((x) => x.kind === c.sourceKind);
      return { p: n?.provenance, where: `${side.id}:criteria.${c.line}.none.${c.sourceKind}` };
    }
    case 'criteria-silence-changed':
      return {
        p: (from?.criteria[c.line].silence ?? to.criteria[c.line].silence) || undefined,
        where: `${side.id}:criteria.${c.line}.silence`,
      };
    case 'indication-added':
    case 'indication-removed':
    case 'indication-changed': {
      const i = side.indications.find((x) => x.id === c.id);
      return { p: i?.provenance, where: `${side.id}:indication.${c.id}` };
    }
    case 'unnamed-indication-added':
    case 'unnamed-indication-removed':
    case 'unnamed-indication-changed': {
      const u = side.unnamedIndications[0];
      return { p: u?.provenance, where: `${side.id}:unnamed-indication` };
    }
    case 'documentation-added':
    case 'documentation-removed':
    case 'documentation-changed': {
      const d = side.documentation.find((x) => x.id === c.id);
      return { p: d?.provenance, where: `${side.id}:documentation.${c.id}` };
    }
    default:
      return { p: undefined, where: side.id };
  }
}

/**
 * The change notice of a revision, against the revision it replaces (the
 * previous one in approval order), as known on its production date: revisions
 * approved and source statuses dated after it are left out. Every statement
 * carries its basis (stated with the source's words, a reading with its reason,
 * or assumed), and every reading it depends on is listed in `howWeRead`.
 * Throws `CriteriaError` (`unknown_revision`) for an id the policy lacks.
 *
 * @example
 * const n = buildNotice(imrt, '2023-01-10');
 * n.noticeDueBy; // => '2023-04-02'
 * n.producedOn;  // => '2023-04-02'
 */
export function buildNotice(
  policy: LoadedPolicy,
  revisionId: string,
  options: NoticeOptions = {},
): ChangeNotice {
  const revision = findRevision(policy, revisionId);
  const edition = editionOf(policy, options.edition);
  const index = policy.revisions.indexOf(revision);
  const previous = index > 0 ? policy.revisions[index - 1] : undefined;
  const { required, periodDays, basis } = revision.notice;
  const dueBy = noticeDueBy(revision);
  const producedOn = options.producedOn ?? dueBy ?? revision.effectiveOn;
  IsoDateSchema.parse(producedOn);

  // Only what was approved by the production date is known to the notice.
  const known = policy.revisions.filter((r) => r.approvedOn <= producedOn);
  const successor = known.find(
    (r) => r.approvedOn > revision.approvedOn && r.effectiveOn <= revision.effectiveOn,
  );
  const governs = selectRevision(known, revision.effectiveOn, producedOn);

  const diff = previous
    ? diffRevisions(previous, revision, edition ? { readings: edition } : {})
    : undefined;
  const labels = new Map(
    [...(previous?.indications ?? []), ...revision.indications].map((i) => [i.id, i.label]),
  );
  const reads = new Readings(edition);
  const changes = (diff?.changes ?? [])
    .filter((c): c is ProviderChange => providerAreas.includes(c.area))
    // A source status dated after the production date is not known yet.
    .filter(
      (c) =>
        !(
          c.kind === 'source-changed' &&
          c.field === 'retirement' &&
          (c.after.retirement?.on ?? c.before.retirement?.on ?? '') > producedOn
        ),
    );
  const code = (c: { code: string; system: 'CPT' | 'HCPCS'; label: string }) => ({
    code: c.code,
    system: c.system,
    label: c.label,
  });
  const described = changes.map((c) => {
    const text = describeChange(c, { asOf: producedOn, labelOf: (id) => labels.get(id) }).text;
    const b =
      c.kind === 'route-changed'
        ? reads.fromReadings([c.before.reading, c.after.reading])
        : (() => {
            const { p, where } = provenanceOf(c, previous, revision);
            return reads.fromProvenance(p, where, text);
          })();
    return {
      kind: c.kind,
      subject: c.subject,
      area: c.area,
      impact: c.impact,
      rule: c.rule,
      lines: c.lines,
      text,
      basis: b,
    };
  });
  // The revision's own dates, when they are read or assumed, are readings the notice depends on.
  if (revision.effectiveOnBasis !== 'stated')
    reads.fromProvenance(
      revision.provenance,
      `${revision.id}:effectiveOn`,
      `Revision ${revision.id} takes effect ${revision.effectiveOn}.`,
    );
  if (successor)
    reads.fromProvenance(
      successor.provenance,
      `${successor.id}:effectiveOn`,
      `Revision ${successor.id} takes effect ${successor.effectiveOn}.`,
    );

  const row = revision.provenance.cites[0]?.line ?? null;
  const notice: ChangeNotice = {
    format: 'criteria-notice/2',
    policy: {
      id: policy.id,
      title: policy.title,
      plan: policy.plan,
      planCites: [...policy.planProvenance.cites],
    },
    producedOn,
    revision: revision.id,
    sha256: revision.sha256,
    readings: edition ? { edition: edition.edition, sha256: edition.sha256 } : null,
    approvedOn: revision.approvedOn,
    effectiveOn: revision.effectiveOn,
    effectiveOnBasis: revision.effectiveOnBasis,
    summary: { line: row, quote: revision.summary },
    replaces: previous
      ? { revision: previous.id, sha256: previous.sha256, effectiveOn: previous.effectiveOn }
      : null,
    supersededBeforeEffective:
      successor && governs?.id !== revision.id
        ? {
            by: successor.id,
            approvedOn: successor.approvedOn,
            effectiveOn: successor.effectiveOn,
          }
        : null,
    notice: { required, periodDays, basis },
    noticeDueBy: dueBy,
    leadDays: leadDays(revision),
    compliant: checkNoticePeriod(revision) === undefined,
    impact: diff?.impact ?? 'none',
    releaseType: releaseType(diff?.impact ?? 'none'),
    linesOfBusiness: LineOfBusinessSchema.options.filter((l) =>
      changes.some((c) => c.lines.includes(l)),
    ),
    codes: {
      inScope: revision.codes.map(code),
      added: changes.flatMap((c) => (c.kind === 'code-added' ? [code(c.after)] : [])),
      removed: changes.flatMap((c) => (c.kind === 'code-removed' ? [code(c.before)] : [])),
    },
    changes: described,
    howWeRead: [...reads.used.values()],
  };
  return ChangeNoticeSchema.parse(notice);
}
