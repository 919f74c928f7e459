import type { z } from 'zod';
import { type EvaluationRequest, RequestSchema } from '../request.js';
import { fastParseRequest, UNSURE } from './request-check.generated.js';

/**
 * Parses a request: the fast check generated from {@link RequestSchema}
 * (request-check.generated.ts) answers valid requests; zod parses the rest
 * and writes their issues. `fast: false` asks zod alone (what the property
 * test compares with).
 */
export function parseRequest(
  input: unknown,
  mode: { fast: boolean } = { fast: true },
): z.ZodSafeParseResult<EvaluationRequest> {
  if (mode.fast) {
    const value = fastParseRequest(input);
    if (value !== UNSURE) return { success: true, data: value as EvaluationRequest };
  }
  return RequestSchema.safeParse(input);
}
