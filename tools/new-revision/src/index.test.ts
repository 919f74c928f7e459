import { exportedNames } from '@criteria/testing';
import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('public API', () => {
  it('exports these names (a change here is a change to the package API)', () => {
    expect(exportedNames(api)).toMatchInlineSnapshot(`
      [
        "checkAnswers",
        "checkApproved",
        "checkEffective",
        "checkSummary",
        "main",
        "noticePeriodOf",
        "planRevision",
        "writePlan",
      ]
    `);
  });
});
