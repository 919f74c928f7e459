/**
 * Vitest setup file (listed in vitest.shared.ts): every property test runs as many cases
 * as `FC_NUM_RUNS` says (default 100), so a developer's run stays quick on a busy machine
 * and CI can ask for more. Tests do not pass their own `numRuns`.
 */
import fc from 'fast-check';
import { propertyRuns } from './property-runs.js';

fc.configureGlobal({ numRuns: propertyRuns() });
