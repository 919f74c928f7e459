/** The number of cases per property when `FC_NUM_RUNS` is not set. */
export const DEFAULT_PROPERTY_RUNS = 100;

/**
 * The number of cases every property test runs: `FC_NUM_RUNS`, default 100. A property's
 * strength comes from its run count, so CI asks for more than a developer's quick run.
 *
 * @example
 * propertyRuns({ FC_NUM_RUNS: '1000' }); // 1000
 */
export function propertyRuns(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.FC_NUM_RUNS;
  if (raw === undefined || raw === '') return DEFAULT_PROPERTY_RUNS;
  const runs = Number(raw);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`FC_NUM_RUNS: \`${raw}\` is not a positive integer`);
  return runs;
}
