import { IsoDateSchema } from '@criteria/calendar';
import {
  CitationSchema,
  CriteriaSourceKindSchema,
  IndicationRequirementSchema,
  LineOfBusinessSchema,
} from '@criteria/schema';
import { z } from 'zod';

/** Bumped on any change to the determination's shape. */
export const DETERMINATION_SCHEMA_VERSION = 1 as const;

export const RouteSchema = z.enum([
  'not-applicable',
  'no-criteria-in-effect',
  'medical-director-review',
  'criteria-review',
]);
/** How a request is handled. */
export type Route = z.infer<typeof RouteSchema>;

/** A sentence a reviewer can read, with the rule that produced it and the source lines behind it. */
export const ReasonSchema = z.object({
  rule: z.string(),
  text: z.string(),
  cites: z.array(CitationSchema),
});
export type Reason = z.infer<typeof ReasonSchema>;

/** One decision taken, in order, with a stable rule id. */
export const TraceStepSchema = z.object({ rule: z.string(), detail: z.string() });
export type TraceStep = z.infer<typeof TraceStepSchema>;

export const AppliedCriteriaSchema = z.object({
  kind: CriteriaSourceKindSchema,
  id: z.string(),
  title: z.string(),
  status: z.enum(['active', 'retired']),
  retiredOn: IsoDateSchema.optional(),
  applied: z.boolean(),
  edition: IsoDateSchema.optional(),
  /** Where the content lives (`provider:key`); licensed content is resolved by a deployment's provider. */
  content: z.object({ ref: z.string(), licensed: z.boolean(), location: z.string().nullable() }),
});
export type AppliedCriteria = z.infer<typeof AppliedCriteriaSchema>;

export const DeterminationIndicationSchema = z.object({
  id: z.string(),
  /** Whether the governing revision names it. */
  named: z.boolean(),
  /** The date from which a revision (known as of `asOf`) names it; null when none does. */
  since: IsoDateSchema.nullable(),
  /** What the naming revision requires; null when no revision names it (the criteria decide). */
  requires: IndicationRequirementSchema.nullable(),
  label: z.string().nullable(),
  /** Where the id came from. */
  from: z.enum(['request', 'diagnosis']),
  /** Indications the diagnoses map to, in the order given. */
  fromDiagnoses: z.array(z.object({ code: z.string(), indication: z.string().nullable() })),
  /** Set when the stated indication and the diagnoses disagree. */
  conflict: z.string().nullable(),
});

/**
 * The answer to a request: which revision and criteria apply, the route, what
 * documentation is missing, and why. Versioned by `schemaVersion`.
 */
export const DeterminationSchema = z.object({
  schemaVersion: z.literal(DETERMINATION_SCHEMA_VERSION),
  policy: z.string(),
  lineOfBusiness: LineOfBusinessSchema,
  dateOfService: IsoDateSchema,
  /** Knowledge date used; null means everything approved. */
  asOf: IsoDateSchema.nullable(),
  route: RouteSchema,
  revision: z
    .object({
      id: z.string(),
      approvedOn: IsoDateSchema,
      effectiveOn: IsoDateSchema,
      sha256: z.string(),
    })
    .nullable(),
  criteria: z.array(AppliedCriteriaSchema),
  indication: DeterminationIndicationSchema.nullable(),
  codes: z.object({ inScope: z.array(z.string()), outOfScope: z.array(z.string()) }),
  documentation: z.object({
    complete: z.boolean(),
    /** Notes count when dated from `window.from` to `window.through`, inclusive. */
    window: z.object({ from: IsoDateSchema, through: IsoDateSchema }).nullable(),
    required: z.array(z.string()),
    missing: z.array(z.string()),
  }),
  reasons: z.array(ReasonSchema),
  trace: z.array(TraceStepSchema),
});
export type Determination = z.infer<typeof DeterminationSchema>;
