import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseFileSchema, expandCases } from './case-file.js';
import { loadCases } from './load.js';

describe('case files', () => {
  it('expands a matrix into one case per variant and date', () => {
    const file = CaseFileSchema.parse({
      matrices: [
        {
          note: 'm',
          base: { policy: 'p' },
          vary: 'indication',
          dates: ['2020-01-01', '2020-02-01'],
          revisions: [null, '2020-02-01'],
          routes: { a: 'N C', b: 'X M' },
        },
      ],
    });
    expect(
      expandCases('f.yaml', file).map((c) => [
        c.request.indication,
        c.request.dateOfService,
        c.expect.route,
        c.expect.revision,
      ]),
    ).toEqual([
      ['a', '2020-01-01', 'no-criteria-in-effect', null],
      ['a', '2020-02-01', 'criteria-review', '2020-02-01'],
      ['b', '2020-01-01', 'not-applicable', null],
      ['b', '2020-02-01', 'medical-director-review', '2020-02-01'],
    ]);
  });

  it('refuses a row whose letters do not match the dates, and unknown expectation fields', () => {
    const bad = CaseFileSchema.safeParse({
      matrices: [
        {
          note: 'm',
          base: {},
          vary: 'x',
          dates: ['2020-01-01'],
          revisions: [null],
          routes: { a: 'N C' },
        },
      ],
      cases: [{ note: 'c', request: {}, expect: { rout: 'criteria-review' } }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'cases.0.expect',
      'matrices.0.routes.a',
    ]);
  });

  it('loadCases names the broken file and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cases-'));
    writeFileSync(
      join(dir, 'broken.yaml'),
      'cases:\n  - note: x\n    request: {}\n    expect: { route: maybe }\n',
    );
    expect(() => loadCases(dir)).toThrowError(
      /^broken\.yaml: cases\.0\.expect\.route: `maybe` is not one of/,
    );
  });
});
