import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate } from '@criteria/evaluator';
import { fixtureInput, fixturePolicy } from '@criteria/fixture-policy';
import { generateNdjson, generateRequests } from '@criteria/gen-requests';
import { ImpactAccumulator } from '@criteria/impact';
import { buildNotice, renderNoticeJson } from '@criteria/notice';
import { imrt } from '@criteria/policy-imrt';
import imrtInput from '@criteria/policy-imrt/input';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { contractSchemas, schemaText } from './json-schemas.js';
import { root } from './workspace.js';

const schemas = contractSchemas();
// strictRequired off: the anyOf branches (indication or diagnoses) require properties the parent defines.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
addFormats.default(ajv);
const validator = (file: string) => {
  const s = schemas.find((x) => x.file === file);
  if (s === undefined) throw new Error(`no schema ${file}`);
  const validate = ajv.compile(s.schema);
  // Each value goes through JSON first: the schemas describe JSON, not JS objects.
  return (value: unknown) => {
    const ok = validate(JSON.parse(JSON.stringify(value)));
    return ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
};
const request = {
  policy: 'imrt',
  lineOfBusiness: 'non-medicare',
  dateOfService: '2021-09-01',
  procedureCodes: ['77385'],
  indication: 'pancreatic-cancer',
  documentation: [],
};

describe('the published JSON Schemas (schemas/)', () => {
  it.each(schemas.map((s) => [s.file, s] as const))(
    '%s is the one `pnpm generate:schemas` writes',
    (file, s) => {
      expect(readFileSync(join(root, 'schemas', file), 'utf8')).toBe(schemaText(s));
    },
  );

  it('requests: generated ones and the docs example are valid; a date that is no day, a bad shape and a request with neither indication nor diagnoses are not', () => {
    const valid = validator('request.schema.json');
    const example = JSON.parse(readFileSync(join(root, 'docs/examples/request.json'), 'utf8'));
    expect(valid(example)).toEqual([]);
    for (const r of generateRequests({ count: 300, seed: 3 })) expect(valid(r)).toEqual([]);
    expect(valid({ ...request, dateOfService: '2021-02-30' })).toEqual([
      '/dateOfService must match format "date"',
    ]);
    expect(valid({ ...request, asOf: '2021-2-3' })).toContain(
      '/asOf must match pattern "^\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])$"',
    );
    const { indication: _, ...neither } = request;
    expect(valid(neither)).toContain(' must match a schema in anyOf');
    expect(valid({ ...neither, diagnoses: ['C25.0'] })).toEqual([]);
  });

  it('determinations of the evaluator (IMRT over every route, and the fixture policy) are valid', () => {
    const valid = validator('determination.schema.json');
    const routes = new Set<string>();
    for (const r of generateRequests({ count: 300, seed: 5 })) {
      const d = evaluate(imrt, r);
      routes.add(d.route);
      expect(valid(d)).toEqual([]);
    }
    expect(routes.size).toBe(4);
    const widget = { ...request, policy: fixturePolicy.id, dateOfService: '2022-10-01' };
    expect(valid(evaluate(fixturePolicy, widget))).toEqual([]);
    expect(valid({ ...evaluate(imrt, request), dateOfService: '2021-9-1' })).not.toEqual([]);
  });

  it('the notice of every IMRT revision, as criteria notice --format json writes it, is valid', () => {
    const valid = validator('notice.schema.json');
    for (const r of imrt.revisions)
      expect(valid(JSON.parse(renderNoticeJson(buildNotice(imrt, r.id))))).toEqual([]);
  });

  it('an impact report over generated requests (with invalid lines) is valid', () => {
    const acc = new ImpactAccumulator(imrt, { from: '2021-03-02', to: '2023-01-10', examples: 2 });
    const lines = [...generateNdjson({ count: 500, seed: 7 })].join('').split('\n').slice(0, -1);
    lines.splice(3, 0, '{', '', '{"policy":"imrt"}');
    for (const [i, t] of lines.entries()) acc.add(i + 1, t);
    const report = acc.report();
    expect(report.invalid.lines.length).toBe(2);
    expect(validator('impact-report.schema.json')(report)).toEqual([]);
  });

  it("the IMRT policy's data and the fixture policy's are valid; a revision without a date is not", () => {
    const valid = validator('policy.schema.json');
    expect(valid(imrtInput)).toEqual([]);
    expect(valid(fixtureInput())).toEqual([]);
    const [first, ...rest] = imrtInput.revisions;
    expect(
      valid({ ...imrtInput, revisions: [{ ...first, effectiveOn: '2015-11' }, ...rest] }),
    ).not.toEqual([]);
  });
});
