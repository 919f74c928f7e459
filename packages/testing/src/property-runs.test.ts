import { describe, expect, it } from 'vitest';
import { DEFAULT_PROPERTY_RUNS, propertyRuns } from './property-runs.js';

describe('propertyRuns', () => {
  it('reads FC_NUM_RUNS, with a modest default', () => {
    expect(propertyRuns({})).toBe(DEFAULT_PROPERTY_RUNS);
    expect(propertyRuns({ FC_NUM_RUNS: '' })).toBe(DEFAULT_PROPERTY_RUNS);
    expect(propertyRuns({ FC_NUM_RUNS: '2500' })).toBe(2500);
  });

  it('refuses a value that is not a positive integer, naming it', () => {
    for (const bad of ['0', '-5', '1.5', 'many'])
      expect(() => propertyRuns({ FC_NUM_RUNS: bad })).toThrow(`FC_NUM_RUNS: \`${bad}\``);
  });
});
