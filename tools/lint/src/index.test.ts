import { exportedNames } from '@criteria/testing';
import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('public API', () => {
  it('exports these names (a change here is a change to the package API)', () => {
    expect(exportedNames(api)).toMatchInlineSnapshot(`
      [
        "LOCK_FILE",
        "LockFileSchema",
        "defineRule",
        "findPolicyPackages",
        "findRepoRoot",
        "lintPolicy",
        "loadPolicyPackage",
        "locatePolicyPackages",
        "parseLockFile",
        "renderRulesDoc",
        "rules",
        "serializeLockFile",
        "updateLock",
      ]
    `);
  });
});
