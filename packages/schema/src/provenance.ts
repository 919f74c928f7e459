import { z } from 'zod';

/**
 * A pointer into the policy's source document: the 1-based line and a verbatim
 * excerpt of that line, so a test can check the line really says it.
 *
 * @example { line: 150, quote: 'effective date 08/01/2021' }
 */
export const CitationSchema = z.object({
  line: z.number().int().min(1),
  quote: z.string().min(1),
});
export type Citation = z.infer<typeof CitationSchema>;

/**
 * Where a fact comes from. Either the source says it (`cites`), or it is our
 * reading where the source is silent (`reading`, with the reason), or both (a
 * reading built on cited lines). A fact with neither is refused.
 */
export const ProvenanceSchema = z
  .object({
    cites: z.array(CitationSchema).default([]),
    reading: z.string().min(10).optional(),
  })
  .refine((p) => p.cites.length > 0 || p.reading !== undefined, {
    message: 'expected at least one citation or a reading with its reason',
  });
export type Provenance = z.infer<typeof ProvenanceSchema>;
export type ProvenanceInput = z.input<typeof ProvenanceSchema>;
