import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zonedToday } from './clock.js';
import { loadEnvironment } from './config.js';
import { lineOfBusinessFromCoverage } from './member.js';

describe('zonedToday', () => {
  it('is the calendar day in the plan time zone, whatever the process time zone', () => {
    // 2026-11-28T02:00Z is still the 27th in Los Angeles.
    expect(zonedToday('America/Los_Angeles', () => Date.UTC(2026, 10, 28, 2, 0))()).toBe(
      '2026-11-27',
    );
    expect(zonedToday('America/Los_Angeles', () => Date.UTC(2026, 10, 28, 9, 0))()).toBe(
      '2026-11-28',
    );
  });
});

describe('loadEnvironment', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'crd-env-'));

  it('defaults: 127.0.0.1:3000, the dev issuer on, no database URL', () => {
    const env = loadEnvironment({ DATA_DIR: dataDir() });
    expect(env).toMatchObject({
      host: '127.0.0.1',
      port: 3000,
      devIssuer: true,
      databaseUrl: undefined,
    });
    expect(env.memberHashKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the dev issuer is turned off by CRD_DEV_ISSUER=off or --no-dev-issuer', () => {
    expect(loadEnvironment({ DATA_DIR: dataDir(), CRD_DEV_ISSUER: 'off' }).devIssuer).toBe(false);
    expect(loadEnvironment({ DATA_DIR: dataDir() }, ['--no-dev-issuer']).devIssuer).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT: `eighty` is not a port number/],
    [{ PORT: '70000' }, /PORT: `70000`/],
    [{ CRD_DEV_ISSUER: 'maybe' }, /CRD_DEV_ISSUER: `maybe` is not on or off/],
    [{ CRD_CONFIG: '/nonexistent/crd.json' }, /CRD_CONFIG: cannot read `\/nonexistent\/crd.json`/],
  ])('refuses %o', (vars, message) => {
    expect(() => loadEnvironment({ DATA_DIR: dataDir(), ...vars })).toThrow(message);
  });

  it('a configuration file is validated and names the field at fault', () => {
    const dir = dataDir();
    const file = join(dir, 'crd.json');
    writeFileSync(file, JSON.stringify({ coverageClassMap: { 'Plan A': 'commercial' } }));
    expect(() => loadEnvironment({ DATA_DIR: dir, CRD_CONFIG: file })).toThrow(
      /coverageClassMap\.Plan A/,
    );
    writeFileSync(file, JSON.stringify({ trustedIssuers: [{ iss: 'https://ehr.test' }] }));
    expect(() => loadEnvironment({ DATA_DIR: dir, CRD_CONFIG: file })).toThrow(
      /expected jwksUrl or jwks/,
    );
  });
});

describe('lineOfBusinessFromCoverage', () => {
  const cov = (extra: object) => ({ resourceType: 'Coverage', id: 'c', ...extra });
  const sopt = (code: string) => ({
    type: { coding: [{ system: 'https://nahdo.org/sopt', code }] },
  });
  const plan = (value: string) => ({
    class: [
      {
        type: {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/coverage-class', code: 'plan' },
          ],
        },
        value,
      },
    ],
  });

  it.each([
    ['1', 'medicare'],
    ['121', 'medicare'],
    ['2', 'non-medicare'],
    ['511', 'non-medicare'],
    ['3712', 'non-medicare'],
  ])('SOPT %s → %s', (code, line) => {
    expect(lineOfBusinessFromCoverage(cov(sopt(code)), {})).toEqual({
      lineOfBusiness: line,
      basis: 'sopt',
    });
  });

  it('the plan class map comes before the SOPT coding; no answer is unknown (null), never a default', () => {
    expect(
      lineOfBusinessFromCoverage(cov({ ...sopt('121'), ...plan('Gold') }), {
        Gold: 'non-medicare',
      }),
    ).toEqual({
      lineOfBusiness: 'non-medicare',
      basis: 'coverage-class',
    });
    expect(lineOfBusinessFromCoverage(cov(plan('Unmapped')), { Gold: 'medicare' })).toBeNull();
    expect(
      lineOfBusinessFromCoverage(
        cov({
          type: {
            coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'PPO' }],
          },
        }),
        {},
      ),
    ).toBeNull();
    // A map key named like an Object property is not a plan.
    expect(lineOfBusinessFromCoverage(cov(plan('toString')), {})).toBeNull();
  });
});
