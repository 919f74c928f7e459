// The main entry point loads no zod (a service's start-up is mostly its imports): the
// zod schemas are in `@criteria/evaluator/schemas` (src/schemas.ts), and zod loads only
// when a request is refused and its issues are written (src/internal/request-schema.ts).
export { DETERMINATION_SCHEMA_VERSION, ROUTES } from './constants.js';
export type {
  AppliedCriteria,
  Basis,
  Determination,
  Reason,
  Route,
  TraceStep,
} from './determination.js';
export {
  type CriteriaContentProvider,
  type EvaluateOptions,
  evaluate,
  safeEvaluate,
  safeEvaluateIn,
} from './evaluate.js';
export { evaluateJson } from './evaluate-json.js';
export {
  evaluateOutcome,
  type Outcome,
  safeEvaluateOutcome,
  safeEvaluateOutcomes,
} from './outcome.js';
export { renderDeterminationText } from './render-text.js';
export type { EvaluationRequest, EvaluationRequestInput } from './request.js';
