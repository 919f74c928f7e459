import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '@criteria/evaluator';
import { describe, expect, it } from 'vitest';
import { widget } from '../fixtures/widget-policy.js';
import { root } from '../support/cli.js';

const request = (over: Record<string, unknown>) => ({
  policy: 'widget',
  lineOfBusiness: 'medicare',
  dateOfService: '2022-10-01',
  procedureCodes: ['W0001'],
  indication: 'cogs',
  documentation: [{ kind: 'notes', specialty: 'widgetology', date: '2022-07-01' }],
  ...over,
});

describe('the engine on a second, unrelated policy', () => {
  it.each([
    [
      'cogs, after they are named (Medicare follows indication rules here)',
      {},
      'criteria-review',
      '2022-06-15',
    ],
    [
      'cogs, before their revision takes effect',
      { dateOfService: '2022-08-31' },
      'medical-director-review',
      '2020-01-01',
    ],
    [
      'gears are named as needing the medical director',
      { indication: 'gears' },
      'medical-director-review',
      '2022-06-15',
    ],
    ['an indication never named', { indication: 'flanges' }, 'criteria-review', '2022-06-15'],
    ['before the first revision', { dateOfService: '2019-12-31' }, 'no-criteria-in-effect', null],
    ['an IMRT code is not in scope', { procedureCodes: ['77385'] }, 'not-applicable', '2022-06-15'],
    [
      'cogs from a diagnosis through the fixture table',
      { indication: undefined, diagnoses: ['Z99.89'] },
      'criteria-review',
      '2022-06-15',
    ],
  ])('%s', (_, over, route, revision) => {
    const d = evaluate(widget, request(over));
    expect(d.route).toBe(route);
    expect(d.revision?.id ?? null).toBe(revision);
  });

  it('uses the fixture documentation rule (3 months) and its source statuses', () => {
    const d = evaluate(
      widget,
      request({
        lineOfBusiness: 'commercial',
        documentation: [{ kind: 'notes', specialty: 'widgetology', date: '2022-06-30' }],
      }),
    );
    expect(d.documentation).toEqual({
      complete: false,
      window: { from: '2022-07-01', through: '2022-10-01' },
      required: ['widgetologist-notes'],
      missing: ['widgetologist-notes'],
    });
    expect(d.criteria.map((c) => [c.id, c.status, c.applied])).toEqual([
      ['widget-criteria', 'retired', false],
    ]);
  });

  it('the engine packages hold no IMRT knowledge', () => {
    const words = /imrt|L34080|A5\d{4}|KP-0455|77385|lung|breast|oncolog|pancrea/i;
    for (const pkg of ['calendar', 'errors', 'schema', 'temporal', 'evaluator']) {
      const dir = join(root, 'packages', pkg, 'src');
      for (const file of readdirSync(dir, { recursive: true }) as string[]) {
        if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
        const text = readFileSync(join(dir, file), 'utf8').replace(
          /\/\*\*[\s\S]*?\*\/|\/\/.*$/gm,
          '',
        );
        expect(`${pkg}/${file}: ${text.match(words)?.[0] ?? ''}`).toBe(`${pkg}/${file}: `);
      }
    }
  });
});
