import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "LETTER",
        "documentDate",
        "renderNoticePdf",
      ]
    `);
  });
});
