import { exportedNames } from '@criteria/testing';
import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(exportedNames(api)).toMatchInlineSnapshot(`
      [
        "FIXTURE_SOURCE_PATH",
        "cite",
        "codes",
        "documentation",
        "fixtureInput",
        "fixturePolicy",
        "fixturePolicyWith",
        "fixtureRevision",
        "fixtureSource",
        "indications",
        "load",
        "sources",
      ]
    `);
  });
});
