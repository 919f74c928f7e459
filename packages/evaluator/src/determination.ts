import { IsoDateSchema } from '@criteria/calendar';
import {
  CitationSchema,
  CriteriaSourceKindSchema,
  IndicationRequirementSchema,
  LineOfBusinessSchema,
  Sha256Schema,
  TechniqueSchema,
} from '@criteria/schema';
import { z } from 'zod';
import { DETERMINATION_SCHEMA_VERSION, ROUTES } from './constants.js';

export const RouteSchema = z.enum(ROUTES);
/** How a request is handled. */
export type Route = z.infer<typeof RouteSchema>;

/**
 * What a fact rests on: the source states it (`cites` holds the verbatim quotes),
 * it is a reading (`readings` name each with its reason), or it is assumed.
 */
export const BasisSchema = z.enum(['stated', 'reading', 'assumed']);
export type Basis = z.infer<typeof BasisSchema>;

/** A reading a fact rests on: the edition's reading id (or where a revision module records it) and why. */
export const ReadingUseSchema = z.object({ id: z.string(), reason: z.string() });

/**
 * A sentence a reviewer can read, with the rule that produced it, its basis and
 * the source lines behind it (each `quote` is verbatim source text).
 */
export const ReasonSchema = z.object({
  rule: z.string(),
  text: z.string(),
  basis: BasisSchema,
  cites: z.array(CitationSchema),
  readings: z.array(ReadingUseSchema),
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

/** One indication of the request and the route the readings give it under the governing revision. */
export const IndicationRouteSchema = z.object({
  /** The indication id; null for a diagnosis that maps to no indication (unnamed). */
  id: z.string().nullable(),
  /** Whether the governing revision names it. */
  named: z.boolean(),
  /** Id of the revision that first named it (the governing one or an earlier one); null when the governing revision does not name it. */
  namedIn: IsoDateSchema.nullable(),
  label: z.string().nullable(),
  /** The route the readings give it; null when a gate decided the route before the indication mattered. */
  route: IndicationRequirementSchema.nullable(),
  /** The reading that gives the route (edition reading id); null when none was needed. */
  reading: z.string().nullable(),
});

export const DeterminationIndicationSchema = IndicationRouteSchema.extend({
  id: z.string(),
  /** The technique the request names (`unknown` when it names none); a diagnosis never sets it. */
  technique: TechniqueSchema,
  /** Where the id came from. */
  from: z.enum(['request', 'diagnosis']),
  /** Indications the diagnoses map to, in the order given. */
  fromDiagnoses: z.array(z.object({ code: z.string(), indication: z.string().nullable() })),
  /** Set when the stated indication and the diagnoses disagree. */
  conflict: z.string().nullable(),
});

/** A flag a reading raises on a determination, e.g. `indication-uncertain`. */
export const FlagSchema = z.object({
  flag: z.enum(['indication-uncertain', 'deleted-code', 'unmapped-diagnosis']),
  subject: z.string(),
  text: z.string(),
  basis: BasisSchema,
  cites: z.array(CitationSchema),
  readings: z.array(ReadingUseSchema),
});

/** A document on file that did not count, and why. */
export const IgnoredDocumentSchema = z.object({
  index: z.number().int().min(0),
  kind: z.string(),
  specialty: z.string(),
  date: IsoDateSchema,
  why: z.string(),
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
  /** Knowledge date used; null means everything approved. It selects the revision, never the readings. */
  asOf: IsoDateSchema.nullable(),
  route: RouteSchema,
  revision: z
    .object({
      id: IsoDateSchema,
      approvedOn: IsoDateSchema,
      effectiveOn: IsoDateSchema,
      sha256: Sha256Schema,
    })
    .nullable(),
  /** The readings edition used, by id and content hash; null when the policy has none. */
  readings: z.object({ edition: IsoDateSchema, sha256: Sha256Schema }).nullable(),
  criteria: z.array(AppliedCriteriaSchema),
  /** The indication that decided the route (the stricter one when several apply). */
  indication: DeterminationIndicationSchema.nullable(),
  /** Every indication of the request, each with its route. */
  indications: z.array(IndicationRouteSchema),
  flags: z.array(FlagSchema),
  codes: z.object({
    inScope: z.array(z.string()),
    outOfScope: z.array(z.string()),
    /** Requested codes the source calls deleted. */
    deleted: z.array(z.object({ code: z.string(), on: IsoDateSchema.nullable() })),
  }),
  documentation: z.object({
    complete: z.boolean(),
    /** The span the requirements read, inclusive: from the earliest of their look-back starts to the request date (each requirement counts notes in its own look-back). */
    window: z.object({ from: IsoDateSchema, through: IsoDateSchema }).nullable(),
    required: z.array(z.string()),
    missing: z.array(z.string()),
    /** Documents on file that did not count (another kind or specialty, dated after the request, too old). */
    ignored: z.array(IgnoredDocumentSchema),
  }),
  reasons: z.array(ReasonSchema),
  trace: z.array(TraceStepSchema),
});
export type Determination = z.infer<typeof DeterminationSchema>;
