import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// The service's tests open embedded PostgreSQL and spawn service processes: on a slow,
// busy machine one call can take seconds. These timeouts only catch hangs.
export default mergeConfig(
  shared,
  defineConfig({ test: { testTimeout: 120_000, hookTimeout: 300_000 } }),
);
