/**
 * Scaffolds the next revision of a policy: a full snapshot of the latest
 * revision as a module to edit, registered in the policy, with a changeset.
 *
 * @example
 * const status = await main(['imrt', '--approved', '2026-01-05', '--effective', '2026-03-15', '--notice', '--summary', '...'], io);
 */
export { type Io, main, writePlan } from './cli.js';
export { type FileWrite, noticePeriodOf, type Plan, planRevision } from './plan.js';
export {
  type AnswerContext,
  type Answers,
  checkAnswers,
  checkApproved,
  checkEffective,
  checkSummary,
} from './time-rules.js';
