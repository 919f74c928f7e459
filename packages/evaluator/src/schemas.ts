/**
 * `@criteria/evaluator/schemas`: the zod schemas of a request and of a
 * determination (the published JSON Schemas are generated from them). A
 * separate entry point so that importing the evaluator loads no zod.
 */
export {
  AppliedCriteriaSchema,
  BasisSchema,
  DeterminationSchema,
  ReasonSchema,
  RouteSchema,
  TraceStepSchema,
} from './determination.js';
export {
  DocumentSchema,
  Icd10CmSchema,
  ProcedureCodeStringSchema,
  RequestSchema,
} from './request.js';
