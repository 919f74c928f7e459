import { addDays, daysBetween, IsoDateSchema } from '@criteria/calendar';
import { type Area, type Change, diffRevisions, releaseType } from '@criteria/diff';
import { CriteriaError, formatIssue } from '@criteria/errors';
import {
  EffectiveOnBasisSchema,
  LineOfBusinessSchema,
  type LoadedPolicy,
  type LoadedRevision,
} from '@criteria/schema';
import { z } from 'zod';
import { describeChange } from './describe.js';

const ImpactSchema = z.enum(['expands-coverage', 'restricts-coverage', 'administrative']);
const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 hex digits');

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
  /** Plain language for providers. */
  text: z.string(),
  /** The revision's own statement for this change (as its data words it), verbatim; null when none. */
  quote: z.string().nullable(),
});
/**
 * One change as a notice states it.
 *
 * @example notice.changes.map((c: NoticeChange) => `${c.impact}: ${c.text}`)
 */
export type NoticeChange = z.infer<typeof NoticeChangeSchema>;

/**
 * The change notice of one revision, as JSON carries it. The shape is
 * versioned by `format`; a field is never renamed within a format.
 *
 * @example
 * const notice = ChangeNoticeSchema.parse(JSON.parse(readFileSync('notice.json', 'utf8')));
 * if (!notice.compliant) console.error(`notice period not met for ${notice.revision}`);
 */
export const ChangeNoticeSchema = z.object({
  format: z.literal('criteria-notice/1'),
  policy: z.object({ id: z.string(), title: z.string(), plan: z.string() }),
  /** The revision id (its approval date). */
  revision: IsoDateSchema,
  sha256: Sha256Schema,
  approvedOn: IsoDateSchema,
  effectiveOn: IsoDateSchema,
  effectiveOnBasis: EffectiveOnBasisSchema,
  /** The revision table's summary, verbatim. */
  summary: z.string(),
  /** The revision it replaces (the previous one in approval order); null for the first. */
  replaces: z
    .object({ revision: IsoDateSchema, sha256: Sha256Schema, effectiveOn: IsoDateSchema })
    .nullable(),
  notice: z.object({
    required: z.boolean(),
    periodDays: z.number().int().nullable(),
    basis: z.enum(['stated', 'not-stated']),
  }),
  /** The last day to send the notice: effectiveOn minus the period; null when none is required. */
  noticeDueBy: IsoDateSchema.nullable(),
  /** Days from approval to effect. */
  leadDays: z.number().int(),
  /** Whether the lead time meets the notice period (true when no notice is required). */
  compliant: z.boolean(),
  impact: z.enum(['expands-coverage', 'restricts-coverage', 'administrative', 'none']),
  /** The version bump of the policy package this revision calls for. */
  releaseType: z.enum(['major', 'minor', 'patch', 'none']),
  /** Lines of business whose members the changes concern. */
  linesOfBusiness: z.array(LineOfBusinessSchema),
  codes: z.object({
    /** Codes in scope from the effective date. */
    inScope: z.array(NoticeCodeSchema),
    added: z.array(NoticeCodeSchema),
    removed: z.array(NoticeCodeSchema),
  }),
  /** What changes for providers (the record's own dates, summary and notice terms are above). */
  changes: z.array(NoticeChangeSchema),
});
/**
 * The change notice of one revision.
 *
 * @example const n: ChangeNotice = buildNotice(imrt, '2021-03-02'); n.noticeDueBy; // => '2021-06-02'
 */
export type ChangeNotice = z.infer<typeof ChangeNoticeSchema>;

const providerAreas: readonly Area[] = ['codes', 'criteria', 'indications', 'documentation'];
type ProviderChange = Change & { area: NoticeChange['area'] };

/** The revision with this id, or `unknown_revision` naming the known ones. */
export function revisionOf(policy: LoadedPolicy, revisionId: string): LoadedRevision {
  const found = policy.revisions.find((r) => r.id === revisionId);
  if (found) return found;
  throw new CriteriaError('unknown_revision', [
    formatIssue(
      'revision',
      revisionId,
      `a revision of ${policy.id} (known: ${policy.revisions.map((r) => r.id).join(', ')})`,
    ),
  ]);
}

/**
 * The change notice of a revision, against the revision it replaces (the
 * previous one in approval order). Every figure comes from the revision data:
 * `noticeDueBy` is `effectiveOn` minus the notice period, `leadDays` the days
 * from approval to effect, `compliant` whether the lead meets the period.
 * Throws `CriteriaError` (`unknown_revision`) for an id the policy lacks.
 *
 * @example
 * const n = buildNotice(imrt, '2023-01-10');
 * n.noticeDueBy; // => '2023-04-02'
 * n.compliant;   // => true
 */
export function buildNotice(policy: LoadedPolicy, revisionId: string): ChangeNotice {
  const revision = revisionOf(policy, revisionId);
  const index = policy.revisions.indexOf(revision);
  const previous = index > 0 ? policy.revisions[index - 1] : undefined;
  const diff = previous ? diffRevisions(previous, revision) : undefined;
  const changes = (diff?.changes ?? []).filter((c): c is ProviderChange =>
    providerAreas.includes(c.area),
  );
  const { required, periodDays, basis } = revision.notice;
  const leadDays = daysBetween(revision.approvedOn, revision.effectiveOn);
  const code = (c: { code: string; system: 'CPT' | 'HCPCS'; label: string }) => ({
    code: c.code,
    system: c.system,
    label: c.label,
  });
  const notice: ChangeNotice = {
    format: 'criteria-notice/1',
    policy: { id: policy.id, title: policy.title, plan: policy.plan },
    revision: revision.id,
    sha256: revision.sha256,
    approvedOn: revision.approvedOn,
    effectiveOn: revision.effectiveOn,
    effectiveOnBasis: revision.effectiveOnBasis,
    summary: revision.summary,
    replaces: previous
      ? { revision: previous.id, sha256: previous.sha256, effectiveOn: previous.effectiveOn }
      : null,
    notice: { required, periodDays, basis },
    noticeDueBy:
      required && periodDays !== null ? addDays(revision.effectiveOn, -periodDays) : null,
    leadDays,
    compliant: !required || periodDays === null || leadDays >= periodDays,
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
    changes: changes.map((c) => ({
      kind: c.kind,
      subject: c.subject,
      area: c.area,
      impact: c.impact,
      rule: c.rule,
      lines: c.lines,
      ...describeChange(c),
    })),
  };
  return ChangeNoticeSchema.parse(notice);
}
