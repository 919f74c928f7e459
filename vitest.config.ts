import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Every package's tests in one vitest process: each workspace package is a project
 * (with its own vitest.config.ts), so the TypeScript they share is transformed once,
 * not once per package process. `pnpm --filter <pkg> test` still runs one package alone.
 */
export default defineConfig({
  test: {
    projects: ['packages/*', 'policies/*', 'apps/*', 'tools/*', 'test'],
    // Workers bounded to the cores: more only queue behind each other and time out.
    maxWorkers: availableParallelism(),
    // Transformed modules kept on disk (node_modules/.experimental-vitest-cache), so CI's
    // second pass in another time zone does not transform everything again.
    experimental: { fsModuleCache: true },
  },
});
