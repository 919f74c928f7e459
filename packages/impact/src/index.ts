export { ImpactAccumulator, type ImpactOptions, type ImpactPartial } from './accumulator.js';
export { MAX_LINE_LENGTH, numberedLines, readAll } from './lines.js';
export {
  type Change,
  type ChangeKind,
  ChangeKindSchema,
  ChangeSchema,
  type Example,
  ExampleSchema,
  IMPACT_SCHEMA_VERSION,
  type ImpactReport,
  ImpactReportSchema,
  type InvalidLine,
  InvalidLineSchema,
  type Outcome,
  OutcomeSchema,
  ROUTES,
} from './report.js';
export { maxWorkers, type NumberedLine, type RunImpactOptions, runImpact } from './run.js';
