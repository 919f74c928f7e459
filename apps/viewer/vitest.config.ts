import { mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// One chromium for every browser test file of the viewer (test/support/chromium.ts).
export default mergeConfig(shared, {
  test: { globalSetup: ['./test/support/chromium.ts'] },
});
