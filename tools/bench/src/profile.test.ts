import { describe, expect, it } from 'vitest';
import { bucketOf, summarise } from './profile.js';

describe('the profile summary', () => {
  it('puts each frame in its package, ours or a dependency, or in V8’s own bucket', () => {
    expect(
      bucketOf('file:///r/node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/core.js', 'f'),
    ).toBe('zod');
    expect(
      bucketOf('file:///r/node_modules/.pnpm/@scope+x@1.0.0/node_modules/@scope/x/a.js', 'f'),
    ).toBe('@scope/x');
    expect(bucketOf('file:///r/packages/evaluator/dist/evaluate.js', 'decide')).toBe(
      '@criteria/evaluator',
    );
    expect(bucketOf('file:///r/node_modules/@criteria/schema/dist/index.js', 'f')).toBe(
      '@criteria/schema',
    );
    expect(bucketOf('node:internal/x', 'f')).toBe('node');
    expect(bucketOf('', '(garbage collector)')).toBe('(garbage collector)');
    expect(bucketOf('', 'stringify')).toBe('(native)');
  });

  it('counts self time per sample', () => {
    const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
    const s = summarise({
      nodes: [
        { id: 1, callFrame: frame('decide', 'file:///r/packages/evaluator/dist/e.js') },
        { id: 2, callFrame: frame('(garbage collector)', '') },
      ],
      startTime: 0,
      endTime: 1,
      samples: [1, 1, 1, 2],
    });
    expect(s.samples).toBe(4);
    expect(s.buckets).toEqual([
      { name: '@criteria/evaluator', share: 0.75 },
      { name: '(garbage collector)', share: 0.25 },
    ]);
    expect(s.functions[0]).toEqual({ name: 'decide @criteria/evaluator:1', share: 0.75 });
  });
});
