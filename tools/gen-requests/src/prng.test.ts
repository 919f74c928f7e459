import { describe, expect, it } from 'vitest';
import { seeded } from './prng.js';

describe('seeded', () => {
  it('repeats for a seed and differs between seeds', () => {
    const take = (seed: number) => Array.from({ length: 5 }, seeded(seed).next);
    expect(take(1)).toEqual(take(1));
    expect(take(1)).not.toEqual(take(2));
  });

  it('stays in range and is roughly uniform', () => {
    const rng = seeded(42);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) {
      const n = rng.int(1, 6);
      expect(n >= 1 && n <= 6).toBe(true);
      counts[n - 1] = (counts[n - 1] ?? 0) + 1;
    }
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });
});
