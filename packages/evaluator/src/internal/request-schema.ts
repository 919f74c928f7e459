import { createRequire } from 'node:module';
import type * as SchemasModule from '../schemas.js';

type Schema = typeof SchemasModule.RequestSchema;
let loaded: Schema | undefined;

/**
 * {@link SchemasModule.RequestSchema}, loaded on first use: the evaluator's
 * entry point loads no zod (importing it is most of a service's start-up), and
 * the fast check answers every valid request, so zod loads only when a request
 * is refused and its issues must be written (or when `@criteria/evaluator/schemas`
 * is imported). `evaluate` is synchronous, so the module is required: Node
 * ≥ 20.19 requires an ES module synchronously (`require(esm)`), and it is the
 * same module instance an `import` of it gives. It is required by the package's
 * own name (`@criteria/evaluator/schemas`, through `exports`), not by a path: the
 * build bundles each entry point into one file (tools/build/bundle.mjs), so
 * `dist/request.js` does not exist.
 */
export function requestSchema(): Schema {
  if (loaded === undefined) {
    const require = createRequire(import.meta.url);
    loaded = (require('@criteria/evaluator/schemas') as typeof SchemasModule).RequestSchema;
  }
  return loaded;
}
