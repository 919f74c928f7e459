import { IsoDateSchema } from '@criteria/calendar';
import { z } from 'zod';
import { ProvenanceSchema } from './provenance.js';

/**
 * The lines of business a determination distinguishes: the source's own two,
 * "For Medicare Members" and "For Non-Medicare Members" (commercial, Medicaid and
 * other members alike).
 */
export const LineOfBusinessSchema = z.enum(['medicare', 'non-medicare']);
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
  deleted: z
    .object({
      /** The day the code left its code set, where known (CPT's annual release). */
      on: IsoDateSchema.optional(),
      provenance: ProvenanceSchema,
    })
    .strict()
    .optional(),
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

/** The technique a request names: APBI (accelerated partial breast irradiation), another, or not known. */
export const TechniqueSchema = z.enum(['apbi', 'other', 'unknown']);
export type Technique = z.infer<typeof TechniqueSchema>;

/**
 * Clinical attributes a diagnosis-map row needs (the lymphoma indication needs
 * mediastinal involvement). A diagnosis code never establishes a technique.
 */
export const ClinicalAttributesSchema = z
  .object({
    mediastinalInvolvement: z.boolean().optional(),
  })
  .strict();
export type ClinicalAttributes = z.infer<typeof ClinicalAttributesSchema>;

/** The two review routes an indication can take once the request reaches indication routing. */
export const IndicationRequirementSchema = z.enum(['criteria-review', 'medical-director-review']);
export type IndicationRequirement = z.infer<typeof IndicationRequirementSchema>;

/**
 * An indication a revision names, as its row names it. What route it takes is
 * not a fact of the row: it is a reading, kept in the readings edition.
 */
export const IndicationSchema = z.object({
  id: SlugSchema,
  label: z.string().min(1),
  /** Id of the revision that first named it (this revision or an earlier one). */
  namedIn: IsoDateSchema,
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
    criteria: z.object({ medicare: LineCriteriaSchema, 'non-medicare': LineCriteriaSchema }),
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

export const PolicySchema = z
  .object({
    id: SlugSchema,
    title: z.string().min(1),
    plan: z.string().min(1),
    /** Relative path of the source document inside the policy package. */
    sourceDocument: z.string().min(1),
    record: PolicyRecordSchema,
    /** Where the plan's name comes from (source:11). */
    planProvenance: ProvenanceSchema,
    revisions: z.array(RevisionSchema).min(1),
    /**
     * Codes the source calls deleted, with when they left their code set: a
     * determination that sees one says so, whatever revision governs.
     */
    deletedCodes: z.array(ProcedureCodeSchema).default([]),
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
