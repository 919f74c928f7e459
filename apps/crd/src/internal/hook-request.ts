import { z } from 'zod';

/**
 * CDS Hooks 2.0 request, parsed loosely: every object keeps the fields it came
 * with (`z.looseObject`), so an order can be sent back unchanged apart from the
 * extension. Only what the service reads is typed; anything else rides along.
 */
const Loose = z.looseObject({});

export const FhirAuthorizationSchema = z.looseObject({
  access_token: z.string(),
  token_type: z.string().optional(),
  expires_in: z.number().optional(),
  scope: z.string().optional(),
  subject: z.string().optional(),
  patient: z.string().optional(),
});

export const HookRequestSchema = z.looseObject({
  hook: z.string().min(1),
  hookInstance: z.string().min(1),
  fhirServer: z.string().nullish(),
  fhirAuthorization: FhirAuthorizationSchema.nullable().optional(),
  context: z.looseObject({
    userId: z.string().nullish(),
    patientId: z.string().nullish(),
    encounterId: z.string().nullish(),
  }),
  prefetch: z.record(z.string(), Loose.nullable()).nullable().optional(),
  extension: z
    .looseObject({
      'davinci-crd.configuration': z.record(z.string(), z.unknown()).nullish(),
      'davinci-crd.requestedVersion': z.string().nullish(),
    })
    .nullable()
    .optional(),
});
export type HookRequest = z.infer<typeof HookRequestSchema>;

/** A FHIR resource as JSON: only `resourceType` and `id` are read directly. */
export type Resource = { resourceType: string; id?: string; [key: string]: unknown };

export const isResource = (v: unknown): v is Resource =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  typeof (v as { resourceType?: unknown }).resourceType === 'string';

/** The resources of a Bundle (or the resource itself when it is not a Bundle). */
export const resourcesOf = (value: unknown): Resource[] => {
  if (!isResource(value)) return [];
  if (value.resourceType !== 'Bundle') return [value];
  const entries = Array.isArray(value.entry) ? value.entry : [];
  return entries
    .map((e: unknown) =>
      typeof e === 'object' && e !== null ? (e as { resource?: unknown }).resource : undefined,
    )
    .filter(isResource);
};

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const asObject = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : undefined;

/** The codings of a CodeableConcept (anything else: none). */
export const codingsOf = (concept: unknown): Coding[] =>
  asArray(asObject(concept)?.coding)
    .map(asObject)
    .filter((c): c is Record<string, unknown> => c !== undefined)
    .map((c) => ({
      ...(typeof c.system === 'string' ? { system: c.system } : {}),
      ...(typeof c.code === 'string' ? { code: c.code } : {}),
      ...(typeof c.display === 'string' ? { display: c.display } : {}),
    }));

export { asArray, asObject };

/** `Type/id` for a resource, or its id alone when it has no type. */
export const refOf = (r: Resource): string => `${r.resourceType}/${r.id ?? ''}`;

/** The `Type/id` tail of a reference (absolute or relative), for matching against resources we hold. */
export const referenceTail = (reference: string): string => {
  const parts = reference.split('?')[0]?.split('/').filter(Boolean) ?? [];
  const historyAt = parts.indexOf('_history');
  const trimmed = historyAt >= 0 ? parts.slice(0, historyAt) : parts;
  return trimmed.slice(-2).join('/');
};
