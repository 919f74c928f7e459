import { ROUTES as EVALUATOR_ROUTES } from '@criteria/evaluator';

/** Bumped on any change to the report's shape. */
export const IMPACT_SCHEMA_VERSION = 1 as const;

/** Routes in the order the matrix lists them. */
export const ROUTES = EVALUATOR_ROUTES;
