import type { z } from 'zod';
import { type EvaluationRequest, RequestSchema } from '../request.js';
import { compileFastParse, UNSURE } from './fast-parse.js';

let fast: ((input: unknown) => unknown) | undefined;

/** Whether the request schema compiled to a fast check with no part left to zod (a test holds it). */
export const fastParseComplete = (): boolean => compileFastParse(RequestSchema).complete;

/**
 * Parses a request: the fast check compiled from {@link RequestSchema} (on
 * first use) answers valid requests; zod parses the rest and writes their
 * issues. `fast: false` asks zod alone (what the property test compares with).
 */
export function parseRequest(
  input: unknown,
  mode: { fast: boolean } = { fast: true },
): z.ZodSafeParseResult<EvaluationRequest> {
  if (mode.fast) {
    fast ??= compileFastParse(RequestSchema).parse;
    const value = fast(input);
    if (value !== UNSURE) return { success: true, data: value as EvaluationRequest };
  }
  return RequestSchema.safeParse(input);
}
