import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDescriptors } from './descriptors.js';

describe('parseDescriptors', () => {
  it('reads CODE<TAB>descriptor lines, skipping comments and blanks', () => {
    const r = parseDescriptors('# licensed file\n77385\tDescriptor A\r\n\nG6015\tDescriptor B\n');
    expect(r).toEqual({
      ok: true,
      value: new Map([
        ['77385', 'Descriptor A'],
        ['G6015', 'Descriptor B'],
      ]),
    });
  });

  it('names every bad line', () => {
    const r = parseDescriptors('7738\tshort code\n77385\n77385\tA\n77385\tB\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.message)).toEqual([
      'line 1: `7738` is not a CPT or HCPCS code followed by a tab and its descriptor',
      'line 2: `77385` is not a code, a tab and a descriptor',
      'line 4: `77385` is not a code listed once (it repeats)',
    ]);
  });

  it('never throws (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(typeof parseDescriptors(text).ok).toBe('boolean');
      }),
    );
  });
});
