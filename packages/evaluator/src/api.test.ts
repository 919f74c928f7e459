import { exportedNames } from '@criteria/testing';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Determination, Route } from './determination.js';
import { evaluate } from './evaluate.js';
import * as api from './index.js';
import * as schemas from './schemas.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(exportedNames(api)).toMatchInlineSnapshot(`
      [
        "DETERMINATION_SCHEMA_VERSION",
        "ROUTES",
        "evaluate",
        "evaluateJson",
        "evaluateOutcome",
        "renderDeterminationText",
        "safeEvaluate",
        "safeEvaluateIn",
        "safeEvaluateOutcome",
        "safeEvaluateOutcomes",
      ]
    `);
  });

  it('puts the zod schemas in @criteria/evaluator/schemas, so that the main entry loads no zod', () => {
    expect(exportedNames(schemas)).toMatchInlineSnapshot(`
      [
        "AppliedCriteriaSchema",
        "BasisSchema",
        "DeterminationSchema",
        "DocumentSchema",
        "Icd10CmSchema",
        "ProcedureCodeStringSchema",
        "ReasonSchema",
        "RequestSchema",
        "RouteSchema",
        "TraceStepSchema",
      ]
    `);
    expect(schemas.RouteSchema.options).toEqual([...api.ROUTES]);
  });

  it('has exactly four routes, and evaluate returns a Determination', () => {
    expectTypeOf<Route>().toEqualTypeOf<
      'not-applicable' | 'no-criteria-in-effect' | 'medical-director-review' | 'criteria-review'
    >();
    expectTypeOf(evaluate).returns.toEqualTypeOf<Determination>();
  });
});
