/**
 * The evaluator's constants, in a module without zod: the main entry point
 * (`@criteria/evaluator`) loads no zod; the schemas are in
 * `@criteria/evaluator/schemas`.
 */

/** Bumped on any change to the determination's shape. */
export const DETERMINATION_SCHEMA_VERSION = 2 as const;

/** Every route a determination can take, in this order (`RouteSchema`'s options). */
export const ROUTES = [
  'not-applicable',
  'no-criteria-in-effect',
  'medical-director-review',
  'criteria-review',
] as const;
