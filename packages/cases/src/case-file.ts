import { IsoDateSchema } from '@criteria/calendar';
import { RouteSchema } from '@criteria/evaluator/schemas';
import { z } from 'zod';

/** What a case expects. Only the fields given are compared. */
export const ExpectationSchema = z
  .object({
    route: RouteSchema,
    revision: IsoDateSchema.nullable(),
    indication: z
      .object({
        id: z.string(),
        named: z.boolean(),
        namedIn: IsoDateSchema.nullable(),
        route: z.enum(['criteria-review', 'medical-director-review']).nullable(),
        /** The reading id that gave the route. */
        reading: z.string().nullable(),
        technique: z.enum(['apbi', 'other', 'unknown']),
        conflict: z.boolean(),
      })
      .partial()
      .nullable(),
    /** Every indication of the request (null: a diagnosis that maps to none), with its route. */
    indications: z.array(
      z.object({
        id: z.string().nullable(),
        route: z.enum(['criteria-review', 'medical-director-review']).nullable(),
      }),
    ),
    /** Flags in order, as `flag:subject` (e.g. `indication-uncertain:lung-cancer`). */
    flags: z.array(z.string()),
    /** The readings edition id. */
    edition: z.string().nullable(),
    codes: z
      .object({
        inScope: z.array(z.string()),
        outOfScope: z.array(z.string()),
        deleted: z.array(z.string()),
      })
      .partial(),
    documentation: z
      .object({
        complete: z.boolean(),
        missing: z.array(z.string()),
        required: z.array(z.string()),
        /** Indices of the ignored documents. */
        ignored: z.array(z.number().int()),
        window: z.object({ from: IsoDateSchema, through: IsoDateSchema }).nullable(),
      })
      .partial(),
    /** Criteria source ids in order, with `retired`/`applied` when given as `{ id, status, applied }`. */
    criteria: z.array(
      z.union([
        z.string(),
        z.object({ id: z.string(), status: z.enum(['active', 'retired']), applied: z.boolean() }),
      ]),
    ),
    /** Rule ids that must appear among the reasons. */
    reasons: z.array(z.string()),
  })
  .partial()
  .strict();
export type Expectation = z.infer<typeof ExpectationSchema>;

const CaseSchema = z
  .object({
    note: z.string().min(1),
    request: z.record(z.string(), z.unknown()),
    expect: ExpectationSchema,
  })
  .strict();

const ROUTE_LETTERS = {
  X: 'not-applicable',
  N: 'no-criteria-in-effect',
  M: 'medical-director-review',
  C: 'criteria-review',
} as const;

/**
 * A table of cases: one base request, a list of dates of service, and for each
 * variant (an indication, a line of business...) the expected route per date as
 * letters (X not-applicable, N no-criteria-in-effect, M medical-director-review,
 * C criteria-review), so a reviewer can check a row by eye.
 */
const MatrixSchema = z
  .object({
    note: z.string().min(1),
    base: z.record(z.string(), z.unknown()),
    /** The request field each row sets (e.g. `indication`). */
    vary: z.string().min(1),
    dates: z.array(IsoDateSchema).min(1),
    /** Expected governing revision per date (null: none). */
    revisions: z.array(IsoDateSchema.nullable()),
    routes: z.record(
      z.string(),
      z
        .string()
        .regex(/^[XNMC](?: [XNMC])*$/, 'expected route letters X N M C separated by spaces'),
    ),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.revisions.length !== m.dates.length)
      ctx.addIssue({
        code: 'custom',
        path: ['revisions'],
        message: `expected ${m.dates.length} revisions, one per date`,
      });
    for (const [k, v] of Object.entries(m.routes))
      if (v.split(' ').length !== m.dates.length)
        ctx.addIssue({
          code: 'custom',
          path: ['routes', k],
          message: `expected ${m.dates.length} letters, one per date`,
        });
  });

/** A case file: explicit cases and/or matrices. */
export const CaseFileSchema = z
  .object({ cases: z.array(CaseSchema).default([]), matrices: z.array(MatrixSchema).default([]) })
  .strict();
export type CaseFile = z.infer<typeof CaseFileSchema>;

/** One runnable case. */
export interface PolicyCase {
  name: string;
  request: Record<string, unknown>;
  expect: Expectation;
}

/** Expands a validated case file into runnable cases, named by file and position. */
export function expandCases(file: string, data: CaseFile): PolicyCase[] {
  const out: PolicyCase[] = data.cases.map((c, i) => ({
    name: `${file} #${i + 1}: ${c.note}`,
    request: c.request,
    expect: c.expect,
  }));
  for (const m of data.matrices)
    for (const [variant, letters] of Object.entries(m.routes))
      letters.split(' ').forEach((letter, i) => {
        const date = m.dates[i] as string;
        out.push({
          name: `${file}: ${m.note}: ${m.vary}=${variant} on ${date}`,
          request: { ...m.base, [m.vary]: variant, dateOfService: date },
          expect: {
            route: ROUTE_LETTERS[letter as keyof typeof ROUTE_LETTERS],
            revision: m.revisions[i] ?? null,
          },
        });
      });
  return out;
}
