import type { z } from 'zod';
import { requestSchema } from '#request-schema';
import type { EvaluationRequest } from '../request.js';
import { fastParseRequest, UNSURE } from './request-check.generated.js';

/**
 * Parses a request: the fast check generated from `RequestSchema`
 * (request-check.generated.ts) answers valid requests; zod parses the rest
 * and writes their issues (loaded then, not at import: request-schema.ts).
 * `fast: false` asks zod alone (what the property test compares with).
 */
export function parseRequest(
  input: unknown,
  mode: { fast: boolean } = { fast: true },
): z.ZodSafeParseResult<EvaluationRequest> {
  if (mode.fast) {
    const value = fastParseRequest(input);
    if (value !== UNSURE) return { success: true, data: value as EvaluationRequest };
  }
  return requestSchema().safeParse(input);
}
