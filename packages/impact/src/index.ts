export { ImpactAccumulator, type ImpactOptions, type ImpactPartial } from './accumulator.js';
export { FILE_CHUNK_BYTES, fileChunks } from './file.js';
export {
  DEFAULT_BATCH_LINES,
  isBatch,
  type LineBatch,
  lineBatches,
  lineOf,
  MAX_LINE_LENGTH,
  type NumberedLine,
  numberedLines,
  readAll,
} from './lines.js';
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
export {
  type ImpactInput,
  maxWorkers,
  type RunImpactOptions,
  runImpact,
  WORKERS_AFTER_LINES,
} from './run.js';
