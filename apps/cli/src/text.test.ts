import { describe, expect, it } from 'vitest';
import { table } from './text.js';

describe('table', () => {
  it('aligns columns and leaves no trailing spaces', () => {
    expect(
      table(
        ['a', 'long header'],
        [
          ['wide cell', 'x'],
          ['y', ''],
        ],
      ),
    ).toBe(
      ['  a          long header', '  ---------  -----------', '  wide cell  x', '  y'].join('\n') +
        '\n',
    );
  });
});
