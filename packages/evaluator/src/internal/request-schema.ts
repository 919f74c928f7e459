import { createRequire } from 'node:module';
import type * as RequestModule from '../request.js';

type Schema = typeof RequestModule.RequestSchema;
let loaded: Schema | undefined;

/**
 * {@link RequestModule.RequestSchema}, loaded on first use: the evaluator's
 * entry point loads no zod (importing it is most of a service's start-up), and
 * the fast check answers every valid request, so zod loads only when a request
 * is refused and its issues must be written (or when `@criteria/evaluator/schemas`
 * is imported). `evaluate` is synchronous, so the module is required: Node
 * ≥ 20.19 requires an ES module synchronously (`require(esm)`), and it is the
 * same module instance an `import` of it gives.
 */
export function requestSchema(): Schema {
  if (loaded === undefined) {
    const require = createRequire(import.meta.url);
    loaded = (require('../request.js') as typeof RequestModule).RequestSchema;
  }
  return loaded;
}
