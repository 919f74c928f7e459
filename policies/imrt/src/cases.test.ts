import { fileURLToPath } from 'node:url';
import { loadCases, runCase } from '@criteria/cases';
import { describe, expect, it } from 'vitest';
import { imrt } from './index.js';

const cases = loadCases(fileURLToPath(new URL('../cases', import.meta.url)));

describe('IMRT cases (policies/imrt/cases/*.yaml)', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(250);
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const { actual, expected } = runCase(imrt, c);
    expect(actual).toEqual(expected);
  });
});
