/** The example the README sends with curl is the project's IMRT request, kept in step with the builder. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { imrtRequest } from './imrt-requests.js';

describe('docs/examples/crd-order-sign.json', () => {
  it('is imrtRequest for CPT 77385, breast cancer, a non-Medicare SOPT coverage', () => {
    const file = resolve(import.meta.dirname, '../../../docs/examples/crd-order-sign.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(
      imrtRequest({
        orders: [{ diagnoses: ['C50.911'], date: '2026-12-01' }],
        coverage: { sopt: '511' },
      }),
    );
  });
});
