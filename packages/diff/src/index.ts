/**
 * Structured, classified changes between any two revisions of a policy.
 * Policy-agnostic: it compares the schema's fields, never a policy's ids.
 *
 * @example
 * import { diffRevisions } from '@criteria/diff';
 * const d = diffRevisions(older, newer);
 * for (const c of d.changes) console.log(c.impact, c.rule, c.subject);
 */
export type {
  Area,
  Change,
  ChangeKind,
  Classification,
  CodeFacts,
  Delta,
  DocumentationFacts,
  Impact,
  IndicationFacts,
  NoticeFacts,
  ProseDiff,
  ProsePart,
  RevisionDiff,
  RouteFacts,
  SourceFacts,
  UnnamedIndicationFacts,
} from './change.js';
export { IMPACTS } from './change.js';
export { type DiffOptions, diffRevisions, overallImpact } from './diff-revisions.js';
export { proseDiff, proseSide } from './prose.js';
export { RELEASE_TYPES, type ReleaseType, releaseType } from './release-type.js';
export { type RuleId, rules } from './rules.js';
