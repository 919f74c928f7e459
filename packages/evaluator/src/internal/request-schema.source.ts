import { RequestSchema } from '../request.js';

/**
 * `#request-schema` when the sources run (the `@criteria/source` condition:
 * vitest, tsx), where a module cannot be required synchronously: zod is
 * imported with the evaluator. The build's `#request-schema` is
 * request-schema.ts, which loads it on first use.
 */
export function requestSchema(): typeof RequestSchema {
  return RequestSchema;
}
