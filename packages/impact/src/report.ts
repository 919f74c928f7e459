import { RouteSchema } from '@criteria/evaluator/schemas';
import { RevisionRefSchema } from '@criteria/schema';
import { z } from 'zod';

import { IMPACT_SCHEMA_VERSION, ROUTES } from './constants.js';

export { IMPACT_SCHEMA_VERSION, ROUTES };

/** What one revision made of a request, in brief. */
export const OutcomeSchema = z.object({
  route: RouteSchema,
  /** Applied criteria sources (`kind id`); empty when the route is not-applicable. */
  criteria: z.array(z.string()),
  documentation: z.object({ required: z.array(z.string()), missing: z.array(z.string()) }),
});
export type Outcome = z.infer<typeof OutcomeSchema>;

/** An example request, with `member` and `requestId` removed. */
export const ExampleSchema = z.object({
  line: z.number().int().positive(),
  request: z.record(z.string(), z.unknown()),
  from: OutcomeSchema,
  to: OutcomeSchema,
});
export type Example = z.infer<typeof ExampleSchema>;

export const ChangeKindSchema = z.enum(['route', 'criteria', 'documentation']);
/** What a change is about. A request can change in several kinds at once. */
export type ChangeKind = z.infer<typeof ChangeKindSchema>;

/** One kind of change (e.g. route medical-director-review → criteria-review), how often, and the first examples. */
export const ChangeSchema = z.object({
  kind: ChangeKindSchema,
  from: z.string(),
  to: z.string(),
  count: z.number().int().positive(),
  /** The first requests (in line order) with this change, up to the `examples` option. */
  examples: z.array(ExampleSchema),
});
export type Change = z.infer<typeof ChangeSchema>;

/** A line that is not a valid request. Only paths and expectations: values may be member data. */
export const InvalidLineSchema = z.object({
  line: z.number().int().positive(),
  /** The first issues of the line (at most 20). */
  issues: z.array(z.object({ path: z.string(), expected: z.string() })),
  /** How many more issues the line had, beyond those listed. */
  more: z.number().int().positive().optional(),
});
export type InvalidLine = z.infer<typeof InvalidLineSchema>;

/**
 * What changing from one revision to another would do to a set of requests.
 * Versioned by `schemaVersion`.
 */
export const ImpactReportSchema = z.object({
  schemaVersion: z.literal(IMPACT_SCHEMA_VERSION),
  policy: z.string(),
  from: RevisionRefSchema,
  to: RevisionRefSchema,
  lines: z.object({
    /** Lines read, blank ones included. */
    total: z.number().int().nonnegative(),
    blank: z.number().int().nonnegative(),
    invalid: z.number().int().nonnegative(),
    evaluated: z.number().int().nonnegative(),
  }),
  /** Evaluated requests whose route differs between the two revisions. */
  routeChanged: z.number().int().nonnegative(),
  /** Evaluated requests with no change of any kind. */
  unchanged: z.number().int().nonnegative(),
  /** `matrix[i][j]`: requests routed `routes[i]` under `from` and `routes[j]` under `to`. */
  matrix: z.object({
    routes: z.array(RouteSchema),
    counts: z.array(z.array(z.number().int().nonnegative())),
  }),
  /** By kind (route, criteria, documentation), then most frequent first. */
  changes: z.array(ChangeSchema),
  invalid: z.object({
    /** The first invalid lines, in line order, up to the `maxInvalid` option. */
    lines: z.array(InvalidLineSchema),
    truncated: z.boolean(),
  }),
});
export type ImpactReport = z.infer<typeof ImpactReportSchema>;
