export {
  type CaseFile,
  CaseFileSchema,
  type Expectation,
  ExpectationSchema,
  expandCases,
  type PolicyCase,
} from './case-file.js';
export { loadCases } from './load.js';
export { runCase } from './run.js';
