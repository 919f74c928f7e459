export {
  type AppliedCriteria,
  AppliedCriteriaSchema,
  type Basis,
  BasisSchema,
  DETERMINATION_SCHEMA_VERSION,
  type Determination,
  DeterminationSchema,
  type Reason,
  ReasonSchema,
  type Route,
  RouteSchema,
  type TraceStep,
  TraceStepSchema,
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
export {
  DocumentSchema,
  type EvaluationRequest,
  type EvaluationRequestInput,
  Icd10CmSchema,
  ProcedureCodeStringSchema,
  RequestSchema,
} from './request.js';
