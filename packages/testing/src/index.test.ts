import { describe, expect, it } from 'vitest';
import { exportedNames } from './exported-names.js';
import * as api from './index.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(exportedNames(api)).toMatchInlineSnapshot(`
      [
        "DEFAULT_PROPERTY_RUNS",
        "exportedNames",
        "propertyRuns",
        "tempRepo",
        "workspaceRoot",
      ]
    `);
  });
});
