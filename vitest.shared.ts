import { defineConfig } from 'vitest/config';

/**
 * Shared by every workspace package. Tests import sibling packages through the
 * `@criteria/source` export condition, so they run against `src/` and need no build.
 */
export default defineConfig({
  resolve: { conditions: ['@criteria/source'] },
  ssr: { resolve: { conditions: ['@criteria/source'] } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', '*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    onConsoleLog: () => false,
  },
});
