import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('public API', () => {
  it('exports exactly these names, and changesets finds its two functions on the default export', () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "default",
        "getDependencyReleaseLine",
        "getReleaseLine",
        "revisionRefs",
      ]
    `);
    expect(Object.keys(api.default).sort()).toEqual(['getDependencyReleaseLine', 'getReleaseLine']);
  });
});
