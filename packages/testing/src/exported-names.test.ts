import { describe, expect, it } from 'vitest';
import { exportedNames } from './exported-names.js';

describe('exportedNames', () => {
  it('lists the names sorted', () => {
    expect(exportedNames({ b: 1, a: () => 0, C: class {} })).toEqual(['C', 'a', 'b']);
  });

  it('refuses an export without a value, naming it', () => {
    expect(() => exportedNames({ a: 1, gone: undefined })).toThrow('exports without a value: gone');
  });
});
