/**
 * The request schema's own rule, kept apart from zod so the generated fast
 * check (request-check.generated.ts) can call the very same function.
 */

/** A request names an indication id or at least one diagnosis. */
export const hasIndicationOrDiagnoses = (r: {
  indication?: unknown;
  diagnoses?: unknown;
}): boolean => r.indication !== undefined || r.diagnoses !== undefined;
