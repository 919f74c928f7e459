import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, longest first (their durations in a cold run:
 * docs/performance.md, "The test suite"). Started last, one of them keeps a worker busy
 * long after the other has run out of files; started first, the two workers finish together.
 */
const LONGEST = [
  'apps/viewer/test/browser/pages.test.ts',
  'apps/crd/test/process.test.ts',
  'apps/viewer/test/browser/request-form.test.ts',
  'tools/bench/src/runner.test.ts',
  'apps/viewer/test/browser/interactions.test.ts',
  'test/authoring/new-revision.test.ts',
  'test/hostile/cli.test.ts',
  'test/changeset/version.test.ts',
  'tools/bench/src/rules-engine.test.ts',
  'tools/gen-requests/src/main.test.ts',
  'packages/notice-pdf/src/render-pdf.test.ts',
  'test/cli/lint.test.ts',
  'apps/viewer/src/site.test.ts',
  'test/impact/impact.test.ts',
  'apps/crd/test/postgres.test.ts',
  'test/cli/notice-pdf.test.ts',
  'apps/crd/test/examples.test.ts',
  'test/notice/cli.test.ts',
  'apps/crd/test/security.test.ts',
];

/**
 * Longest first, across projects (vitest's own order runs project after project, so the
 * viewer's browser tests came last). With every file's duration from an earlier run in
 * vitest's results cache (a developer's rerun, CI's second pass) the durations decide;
 * on a cold run, the list above, then larger files first.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    const path = (f: TestSpecification) => relative(config.root, f.moduleId);
    const key = (f: TestSpecification) => `${f.project.name}:${path(f)}`;
    const duration = new Map(files.map((f) => [f, cache.getFileTestResults(key(f))?.duration]));
    if ([...duration.values()].every((d) => d !== undefined))
      return [...files].sort((a, b) => (duration.get(b) ?? 0) - (duration.get(a) ?? 0));
    const rank = (f: TestSpecification) => {
      const i = LONGEST.indexOf(path(f));
      return i === -1 ? LONGEST.length : i;
    };
    const size = (f: TestSpecification) => cache.getFileStats(key(f))?.size ?? 0;
    return [...files].sort((a, b) => rank(a) - rank(b) || size(b) - size(a));
  }
}

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
    sequence: { sequencer: LongestFirst },
    // Transformed modules kept on disk (node_modules/.experimental-vitest-cache), so CI's
    // second pass in another time zone does not transform everything again.
    experimental: { fsModuleCache: true },
  },
});
