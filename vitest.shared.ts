import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Shared by every workspace package (each package's vitest.config.ts re-exports it,
 * and the root vitest.config.ts runs them all as projects of one process).
 * Tests import sibling packages through the `@criteria/source` export condition, so
 * they run against `src/` and need no build.
 */
export default defineConfig({
  resolve: { conditions: ['@criteria/source'] },
  ssr: { resolve: { conditions: ['@criteria/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', '*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    onConsoleLog: () => false,
    // A timeout only catches a hang. No test measures speed (that is `pnpm bench`), and a
    // busy 2-core machine can be ten times slower than a quiet one, so these are minutes.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
    // fast-check's run count comes from FC_NUM_RUNS (a modest default; CI runs more).
    setupFiles: [
      fileURLToPath(new URL('./packages/testing/src/setup-property-runs.ts', import.meta.url)),
    ],
  },
});
