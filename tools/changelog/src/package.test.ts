import { exportedNames } from '@criteria/testing';
import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('public API', () => {
  it('exports exactly these names, and changesets finds its two functions on the default export', () => {
    expect(exportedNames(api)).toMatchInlineSnapshot(`
      [
        "default",
        "getDependencyReleaseLine",
        "getReleaseLine",
        "revisionRefs",
      ]
    `);
    expect(exportedNames(api.default)).toEqual(['getDependencyReleaseLine', 'getReleaseLine']);
  });
});
