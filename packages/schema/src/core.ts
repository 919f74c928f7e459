/**
 * `@criteria/schema/core`: the package's types and the functions an evaluator
 * calls at run time, without the zod schemas (they are in the main entry), so
 * importing it loads no zod. Policies are validated and hashed at build time;
 * a service only reads them.
 */
export type { LoadedPolicy, LoadedRevision } from './define-policy.js';
export { fieldIssuesFromZod } from './field-issues.js';
export { findRevision, safeFindRevision } from './find-revision.js';
export type {
  ClinicalAttributes,
  CriteriaSource,
  CriteriaSourceKind,
  DocumentationRequirement,
  EffectiveOnBasis,
  Indication,
  IndicationRequirement,
  LineCriteria,
  LineOfBusiness,
  Notice,
  Policy,
  PolicyRecord,
  ProcedureCode,
  Revision,
  Technique,
  UnnamedIndication,
} from './policy.js';
export type { Citation, Provenance } from './provenance.js';
export type {
  DiagnosisMapping,
  Reading,
  ReadingBasis,
  ReadingDecision,
  ReadingsEdition,
  ReadingsRef,
  ReadingsSlice,
} from './readings.js';
export { sliceFor } from './readings-slice.js';
export { type RevisionRef, revisionRef } from './revision-ref-of.js';
