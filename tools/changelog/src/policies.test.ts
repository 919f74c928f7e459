import { describe, expect, it } from 'vitest';
import { loadPolicies } from './policies.js';

describe('loadPolicies', () => {
  it('collects the policies a package exports, by id', async () => {
    const found = await loadPolicies(['@criteria/policy-imrt']);
    expect([...found.keys()]).toEqual(['imrt']);
    expect(found.get('imrt')?.packageName).toBe('@criteria/policy-imrt');
  });

  it('a package exporting no policy is a configuration error', async () => {
    await expect(loadPolicies(['x'], async () => ({ a: 1, b: { id: 'y' } }))).rejects.toThrow(
      'changelog options.policies: `x` is not a package that exports a policy',
    );
  });
});
