import { IsoDateSchema } from '@criteria/calendar';
import { LineOfBusinessSchema, SlugSchema, TechniqueSchema } from '@criteria/schema';
import { z } from 'zod';
import { hasIndicationOrDiagnoses } from './internal/request-rules.js';

/** CPT (5 digits, or 4 digits + F/T/U for category II/III) or HCPCS level II (letter + 4 digits). */
export const ProcedureCodeStringSchema = z
  .string()
  .regex(
    /^(?:\d{5}|\d{4}[FTU]|[A-Z]\d{4})$/,
    'expected a CPT code (5 digits) or HCPCS code (a letter and 4 digits)',
  );

/** An ICD-10-CM code, with or without the dot (C34.90, C3490, C50). */
export const Icd10CmSchema = z
  .string()
  .regex(/^[A-TV-Z]\d[0-9A-Z](?:\.?[0-9A-Z]{1,4})?$/, 'expected an ICD-10-CM code such as C34.90');

/** One document on file: its kind, the author's specialty and its date. */
export const DocumentSchema = z
  .object({
    kind: SlugSchema,
    specialty: SlugSchema,
    date: IsoDateSchema,
  })
  .strict();

/**
 * A request to evaluate. Member data may ride along in `member` (any fields):
 * it is never read by the evaluator, never copied into a determination, never logged.
 *
 * @example
 * {
 *   policy: 'imrt', lineOfBusiness: 'non-medicare', dateOfService: '2021-09-01',
 *   procedureCodes: ['77385'], indication: 'pancreatic-cancer', documentation: []
 * }
 */
export const RequestSchema = z
  .object({
    policy: SlugSchema,
    lineOfBusiness: LineOfBusinessSchema,
    dateOfService: IsoDateSchema,
    /** Date the request was made; the documentation window counts back from it. */
    requestDate: IsoDateSchema.optional(),
    /** Knowledge date: only revisions approved by then count (it selects the revision, never the readings). Default: requestDate, else everything approved. */
    asOf: IsoDateSchema.optional(),
    procedureCodes: z.array(ProcedureCodeStringSchema).min(1),
    indication: SlugSchema.optional(),
    diagnoses: z.array(Icd10CmSchema).min(1).optional(),
    /** The technique: `apbi`, `other` or `unknown` (the default). A diagnosis code never establishes APBI. */
    technique: TechniqueSchema.optional(),
    mediastinalInvolvement: z.boolean().optional(),
    documentation: z.array(DocumentSchema).default([]),
    /** The caller's own correlation id (not member data). */
    requestId: z.string().max(200).optional(),
    member: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .refine(hasIndicationOrDiagnoses, {
    message: 'expected an indication id or at least one diagnosis',
    path: ['indication'],
  })
  // The refinement above, as JSON Schema says it (the published request.schema.json).
  .meta({ anyOf: [{ required: ['indication'] }, { required: ['diagnoses'] }] });

/** A validated request. */
export type EvaluationRequest = z.infer<typeof RequestSchema>;
/** What a caller may send (defaults not yet applied). */
export type EvaluationRequestInput = z.input<typeof RequestSchema>;
