import { exportedNames } from '@criteria/testing';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Determination, Route } from './determination.js';
import { evaluate } from './evaluate.js';
import * as api from './index.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(exportedNames(api)).toMatchInlineSnapshot(`
      [
        "AppliedCriteriaSchema",
        "BasisSchema",
        "DETERMINATION_SCHEMA_VERSION",
        "DeterminationSchema",
        "DocumentSchema",
        "Icd10CmSchema",
        "ProcedureCodeStringSchema",
        "ReasonSchema",
        "RequestSchema",
        "RouteSchema",
        "TraceStepSchema",
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

  it('has exactly four routes, and evaluate returns a Determination', () => {
    expectTypeOf<Route>().toEqualTypeOf<
      'not-applicable' | 'no-criteria-in-effect' | 'medical-director-review' | 'criteria-review'
    >();
    expectTypeOf(evaluate).returns.toEqualTypeOf<Determination>();
  });
});
