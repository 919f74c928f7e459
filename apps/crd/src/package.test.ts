import { exportedNames } from '@criteria/testing';
import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(exportedNames(api)).toMatchInlineSnapshot(`
      [
        "ALGORITHMS",
        "AuthError",
        "ConfigFileSchema",
        "DEV_ISSUER",
        "IMRT_CONTACT",
        "PLAN_TIME_ZONE",
        "REDACT_PATHS",
        "buildServer",
        "createLogger",
        "devTrustedIssuer",
        "lineOfBusinessFromCoverage",
        "loadEnvironment",
        "mintDevToken",
        "openPgliteStore",
        "openPostgresStore",
        "openStore",
        "startService",
        "tableMemberLookup",
        "tokenVerifier",
        "zonedToday",
      ]
    `);
  });
});
