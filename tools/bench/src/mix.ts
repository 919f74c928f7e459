import type { GenerateOptions } from '@criteria/gen-requests';

/** The benchmark's request mix: 10,000 seeded requests over every revision, both lines of business and every route. */
export const BENCH_MIX: GenerateOptions = { count: 10_000, seed: 20_260_101 };
