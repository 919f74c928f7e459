import { exportedNames } from '@criteria/testing';
import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(exportedNames(api)).toMatchInlineSnapshot(`
      [
        "IMPACTS",
        "RELEASE_TYPES",
        "diffRevisions",
        "overallImpact",
        "proseDiff",
        "proseSide",
        "releaseType",
        "rules",
      ]
    `);
  });
});
