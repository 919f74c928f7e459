export { exportedNames } from './exported-names.js';
export { DEFAULT_PROPERTY_RUNS, propertyRuns } from './property-runs.js';
export {
  type TempRepo,
  type TempRepoModules,
  type TempRepoOptions,
  tempRepo,
  workspaceRoot,
} from './temp-repo.js';
