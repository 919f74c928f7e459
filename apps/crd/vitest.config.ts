import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// One empty PGlite database made per run, copied for each test store (test/pglite-template.ts).
export default mergeConfig(shared, {
  test: { globalSetup: ['./test/pglite-template.ts'] },
});
