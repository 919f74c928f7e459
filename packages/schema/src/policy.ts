import { IsoDateSchema } from '@criteria/calendar';
import { z } from 'zod';
import { ProvenanceSchema } from './provenance.js';

/** The lines of business a determination distinguishes. */
export const LineOfBusinessSchema = z.enum(['medicare', 'commercial']);
export type LineOfBusiness = z.infer<typeof LineOfBusinessSchema>;

/** Kebab-case identifiers for indications, documentation requirements, sources. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a kebab-case id');

/** A procedure code the policy covers, with our own short label (never the AMA descriptor). */
export const ProcedureCodeSchema = z.object({
  code: z
    .string()
    .regex(/^(?:\d{5}|[A-Z]\d{4})$/, 'expected a CPT (5 digits) or HCPCS (letter + 4 digits) code'),
  system: z.enum(['CPT', 'HCPCS']),
  label: z.string().min(1),
  /**
   * Set when the source records the code as deleted from its code set: a deleted
   * code leaving scope takes nothing away from any request that can still be made.
   */
  deleted: z.object({ provenance: ProvenanceSchema }).strict().optional(),
  provenance: ProvenanceSchema,
});
export type ProcedureCode = z.infer<typeof ProcedureCodeSchema>;

/** Kinds of criteria source a plan can rely on. */
export const CriteriaSourceKindSchema = z.enum([
  'lcd',
  'billing-article',
  'ncd',
  'cms-manual',
  'mcg-guideline',
  'plan-criteria',
]);
export type CriteriaSourceKind = z.infer<typeof CriteriaSourceKindSchema>;

/**
 * A retirement is a status of the source with its own date, not a plan
 * revision: the source can be retired and still be applied.
 */
export const RetirementSchema = z.object({
  on: IsoDateSchema,
  stillApplied: z.boolean(),
  provenance: ProvenanceSchema,
});

/**
 * Where the content of a source lives. Licensed content (MCG) is never in this
 * repository: a deployment plugs in a provider that resolves the reference.
 */
export const ContentRefSchema = z.object({
  provider: z.string().min(1),
  key: z.string().min(1),
  /** Licensed content (MCG) must never be stored in this repository. */
  licensed: z.boolean(),
});

export const CriteriaSourceSchema = z.object({
  kind: CriteriaSourceKindSchema,
  /** The publisher's identifier (L34080, A58245, KP-0455) or a plan-chosen slug. */
  id: z.string().min(1),
  title: z.string().min(1),
  /** Edition date for versioned guidelines (MCG). */
  edition: IsoDateSchema.optional(),
  retirement: RetirementSchema.optional(),
  content: ContentRefSchema,
  provenance: ProvenanceSchema,
});
export type CriteriaSource = z.infer<typeof CriteriaSourceSchema>;

/** A kind of source the document explicitly says does not exist (Medicare: "CMS Coverage Manuals: None"). */
export const StatedNoneSchema = z.object({
  kind: CriteriaSourceKindSchema,
  provenance: ProvenanceSchema,
});

export const LineCriteriaSchema = z.object({
  sources: z.array(CriteriaSourceSchema),
  statedNone: z.array(StatedNoneSchema).default([]),
  /** Set when the source document is silent about this line's sources in this revision. */
  silence: ProvenanceSchema.optional(),
});
export type LineCriteria = z.infer<typeof LineCriteriaSchema>;

/**
 * Clinical attributes that qualify an indication (APBI is a technique for breast
 * cancer; the lymphoma indication needs mediastinal involvement).
 */
export const ClinicalAttributesSchema = z
  .object({
    technique: z.enum(['apbi']).optional(),
    mediastinalInvolvement: z.boolean().optional(),
  })
  .strict();
export type ClinicalAttributes = z.infer<typeof ClinicalAttributesSchema>;

/** What a named indication routes to for lines of business where indication rules apply. */
export const IndicationRequirementSchema = z.enum(['criteria-review', 'medical-director-review']);
export type IndicationRequirement = z.infer<typeof IndicationRequirementSchema>;

export const IndicationSchema = z.object({
  id: SlugSchema,
  label: z.string().min(1),
  /** Id of the revision that first named it: it is named from that revision's effective date. */
  namedIn: IsoDateSchema,
  requires: IndicationRequirementSchema,
  /** What the revision says of it, in the source's words or ours (marked). */
  statement: z.string().min(1),
  provenance: ProvenanceSchema,
});
export type Indication = z.infer<typeof IndicationSchema>;

/**
 * An indication the source records as added without naming it (2016-03-01:
 * "Added indication to policy"). Kept in every later snapshot, so the gap stays visible.
 */
export const UnnamedIndicationSchema = z.object({
  addedIn: IsoDateSchema,
  what: z.string().min(1),
  provenance: ProvenanceSchema,
});
export type UnnamedIndication = z.infer<typeof UnnamedIndicationSchema>;

export const DocumentationRequirementSchema = z.object({
  id: SlugSchema,
  label: z.string().min(1),
  kind: SlugSchema,
  specialty: SlugSchema,
  /** Notes count when dated within this many calendar months before the reference date. */
  lookbackMonths: z.number().int().min(1).max(120),
  provenance: ProvenanceSchema,
});
export type DocumentationRequirement = z.infer<typeof DocumentationRequirementSchema>;

export const NoticeSchema = z
  .object({
    required: z.boolean(),
    periodDays: z.number().int().min(1).nullable(),
    basis: z.enum(['stated', 'not-stated']),
    provenance: ProvenanceSchema,
  })
  .refine((n) => n.required === (n.periodDays !== null), {
    message: 'expected periodDays exactly when notice is required',
  });
export type Notice = z.infer<typeof NoticeSchema>;

export const EffectiveOnBasisSchema = z.enum(['stated', 'assumed', 'reading']);
export type EffectiveOnBasis = z.infer<typeof EffectiveOnBasisSchema>;

/**
 * One revision: a complete snapshot of what governs from `effectiveOn`, not a
 * patch on the previous one. Its id is its approval date.
 */
export const RevisionSchema = z
  .object({
    id: IsoDateSchema,
    approvedOn: IsoDateSchema,
    effectiveOn: IsoDateSchema,
    effectiveOnBasis: EffectiveOnBasisSchema,
    /** The revision-table row and how the dates were read from it. */
    provenance: ProvenanceSchema,
    /** The change in the revision table's words. */
    summary: z.string().min(1),
    notice: NoticeSchema,
    codes: z.array(ProcedureCodeSchema).min(1),
    criteria: z.object({ medicare: LineCriteriaSchema, commercial: LineCriteriaSchema }),
    /** Lines of business whose route follows the indication rules (others always go to criteria review). */
    indicationRulesApplyTo: z.array(LineOfBusinessSchema),
    indicationRulesProvenance: ProvenanceSchema,
    indications: z.array(IndicationSchema),
    unnamedIndications: z.array(UnnamedIndicationSchema).default([]),
    documentation: z.array(DocumentationRequirementSchema),
  })
  .superRefine((r, ctx) => {
    if (r.id !== r.approvedOn)
      ctx.addIssue({
        code: 'custom',
        path: ['id'],
        message: `expected the id to equal approvedOn ${r.approvedOn}`,
      });
    const dup = (xs: string[]) => xs.find((x, i) => xs.indexOf(x) !== i);
    const codes = dup(r.codes.map((c) => c.code));
    if (codes)
      ctx.addIssue({
        code: 'custom',
        path: ['codes'],
        message: `expected unique codes, ${codes} repeats`,
      });
    const ind = dup(r.indications.map((i) => i.id));
    if (ind)
      ctx.addIssue({
        code: 'custom',
        path: ['indications'],
        message: `expected unique indications, ${ind} repeats`,
      });
    for (const [i, x] of r.indications.entries())
      if (x.namedIn > r.id)
        ctx.addIssue({
          code: 'custom',
          path: ['indications', i, 'namedIn'],
          message: `expected a revision id not after ${r.id}`,
        });
  });
export type Revision = z.infer<typeof RevisionSchema>;
export type RevisionInput = z.input<typeof RevisionSchema>;

export const PolicyRecordSchema = z.object({
  created: IsoDateSchema,
  reviewedOn: z.array(IsoDateSchema).min(1),
  lastRevised: IsoDateSchema,
  reviewIntervalMonths: z.number().int().min(1),
  provenance: ProvenanceSchema,
});
export type PolicyRecord = z.infer<typeof PolicyRecordSchema>;

/**
 * A reviewed table from diagnosis codes (ICD-10-CM prefixes) to indication ids.
 * It is the plan's mapping, not the source document's; rows are tried in order.
 */
export const DiagnosisMappingSchema = z.object({
  /** ICD-10-CM category or code prefix, e.g. `C34` or `C83.3`. */
  prefix: z
    .string()
    .regex(/^[A-TV-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?$/, 'expected an ICD-10-CM code or category'),
  indication: SlugSchema,
  /** Clinical attributes the request must carry for this row to apply. */
  when: ClinicalAttributesSchema.default({}),
  note: z.string().optional(),
});
export type DiagnosisMapping = z.infer<typeof DiagnosisMappingSchema>;

export const PolicySchema = z
  .object({
    id: SlugSchema,
    title: z.string().min(1),
    plan: z.string().min(1),
    /** Relative path of the source document inside the policy package. */
    sourceDocument: z.string().min(1),
    record: PolicyRecordSchema,
    revisions: z.array(RevisionSchema).min(1),
    diagnosisMap: z.object({
      reviewedOn: IsoDateSchema,
      note: z.string().min(1),
      rows: z.array(DiagnosisMappingSchema),
    }),
  })
  .superRefine((p, ctx) => {
    const ids = p.revisions.map((r) => r.id);
    for (const [i, id] of ids.entries()) {
      if (ids.indexOf(id) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['revisions', i, 'id'],
          message: `expected unique revision ids, ${id} repeats`,
        });
      if (i > 0 && id < (ids[i - 1] as string))
        ctx.addIssue({
          code: 'custom',
          path: ['revisions', i, 'id'],
          message: 'expected revisions in approval order',
        });
    }
  });
export type Policy = z.infer<typeof PolicySchema>;
export type PolicyInput = z.input<typeof PolicySchema>;
