export { DEFAULT_PROPERTY_RUNS, propertyRuns } from './property-runs.js';
