/**
 * The one place where the service's words meet the evaluator's request. When
 * the evaluator renames a line of business or adds a field, only this module
 * changes.
 */
import type { EvaluationRequestInput } from '@criteria/evaluator';
import type { CrdLineOfBusiness } from '../member.js';

/** The evaluator's name for each line of business of the service. */
const EVALUATOR_LINE: Record<CrdLineOfBusiness, EvaluationRequestInput['lineOfBusiness']> = {
  medicare: 'medicare',
  'non-medicare': 'non-medicare',
};

export interface OrderFacts {
  policy: string;
  lineOfBusiness: CrdLineOfBusiness;
  dateOfService: string;
  /** The decision date: the day of the call in the plan's time zone. */
  decisionDate: string;
  procedureCodes: string[];
  diagnoses: string[];
}

/**
 * The evaluator request for an order. `asOf` and `requestDate` are the decision
 * date (DESIGN section 8). No documentation is on file at ordering time: CRD
 * orders carry none, so every required note is reported missing. An order with
 * no ICD-10-CM diagnosis is evaluated with no indication the table names
 * (`indication-not-stated`): only the gates before the indication (criteria in
 * effect, codes in scope, line of business) are read from that determination.
 */
export const toEvaluatorRequest = (facts: OrderFacts): EvaluationRequestInput => ({
  policy: facts.policy,
  lineOfBusiness: EVALUATOR_LINE[facts.lineOfBusiness],
  dateOfService: facts.dateOfService,
  requestDate: facts.decisionDate,
  asOf: facts.decisionDate,
  procedureCodes: facts.procedureCodes,
  ...(facts.diagnoses.length > 0
    ? { diagnoses: facts.diagnoses }
    : { indication: NO_INDICATION_STATED }),
  documentation: [],
});

/** The indication id used when the order states no diagnosis (see toEvaluatorRequest). */
export const NO_INDICATION_STATED = 'indication-not-stated';
