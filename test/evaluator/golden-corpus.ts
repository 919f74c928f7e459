/**
 * The corpus the evaluator's golden file holds: seeded generated requests
 * (IMRT and the fixture policy), each evaluated as the dates select and under
 * forced revisions (as impact does), and mutated copies that must fail with
 * today's issues. The golden records what the evaluator answered before its
 * internals were rebuilt (issue 15); it must never be regenerated to make a
 * change pass.
 */
import { createHash } from 'node:crypto';
import { type EvaluateOptions, safeEvaluate } from '@criteria/evaluator';
import { fixturePolicy } from '@criteria/fixture-policy';
import { generateRequests } from '@criteria/gen-requests';
import { imrt } from '@criteria/policy-imrt';
import type { LoadedPolicy } from '@criteria/schema';

export const SEED = 15;
export const COUNT = 3000;

type Json = Record<string, unknown>;

/** Deterministic ways to break a valid request: each one today's zod schema refuses (or, for a few, accepts). */
const MUTATIONS: ((r: Json, i: number) => unknown)[] = [
  (r) => ({ ...r, dateOfService: '2021-02-30' }),
  (r) => ({ ...r, requestDate: '2021-13-01' }),
  (r) => ({ ...r, asOf: '20210101' }),
  (r) => {
    const { indication: _i, diagnoses: _d, ...rest } = r;
    return rest;
  },
  (r) => ({ ...r, procedureCodes: [] }),
  (r) => ({ ...r, procedureCodes: ['7738'] }),
  (r) => ({ ...r, diagnoses: ['U07.1'] }),
  (r) => ({ ...r, diagnoses: [] }),
  (r) => ({ ...r, lineOfBusiness: 'medicaid' }),
  (r) => ({ ...r, extra: 1 }),
  (r) => ({ ...r, documentation: [{ kind: 'clinical-notes', specialty: 'oncology' }] }),
  (r) => ({
    ...r,
    documentation: [{ kind: 'Clinical Notes', specialty: 'oncology', date: '2021-02-29' }],
  }),
  (r) => ({ ...r, documentation: [{ kind: 'x', specialty: 'y', date: '2020-01-01', z: 1 }] }),
  (r) => ({ ...r, technique: 'proton' }),
  (r) => ({ ...r, mediastinalInvolvement: 'yes' }),
  (r) => ({ ...r, requestId: 'x'.repeat(201) }),
  (r) => ({ ...r, member: 'M123' }),
  (r) => ({ ...r, indication: 'Not A Slug' }),
  (r) => ({ ...r, policy: 'other-policy' }),
  (r) => ({ ...r, policy: 7 }),
  (r) => ({ ...r, dateOfService: undefined }),
  () => null,
  () => [],
  () => 'imrt',
  (r) => ({ ...r, technique: 'apbi', indication: 'breast-cancer-apbi' }),
  (r) => ({ ...r, indication: undefined, diagnoses: ['C50.911'] }),
  (r) => ({ ...r, documentation: undefined }),
  (r) => ({ ...r, procedureCodes: ['77385', 77386] }),
  (r) => ({ ...r, dateOfService: ' 2021-01-01' }),
  (r) => ({ ...r, requestDate: '0000-02-29' }),
];

interface Entry {
  label: string;
  policy: LoadedPolicy;
  options: EvaluateOptions;
  input: unknown;
}

/** Every evaluation the golden covers, in a fixed order. */
export function* corpus(): Generator<Entry> {
  const policies: [LoadedPolicy, (string | undefined)[]][] = [
    [imrt, [undefined, '2021-03-02', '2023-01-10', '2015-07-07']],
    [fixturePolicy, [undefined, fixturePolicy.revisions.at(-1)?.id]],
  ];
  for (const [policy, revisions] of policies) {
    let i = 0;
    for (const request of generateRequests({ count: COUNT, seed: SEED, policy })) {
      i += 1;
      for (const revision of revisions)
        yield {
          label: `${policy.id}#${i}@${revision ?? 'dates'}`,
          policy,
          options: revision === undefined ? {} : { revision },
          input: request,
        };
      const mutate = MUTATIONS[i % MUTATIONS.length];
      if (mutate && i % 3 === 0)
        yield {
          label: `${policy.id}#${i}!${i % MUTATIONS.length}`,
          policy,
          options: { reportInput: i % 2 === 0 },
          input: mutate(request as unknown as Json, i),
        };
    }
  }
}

/** The NDJSON of every result of the corpus (determination or issues), and its sha256. */
export function corpusDigest(): { lines: number; sha256: string; sample: unknown[] } {
  const hash = createHash('sha256');
  const sample: unknown[] = [];
  let lines = 0;
  for (const e of corpus()) {
    const result = safeEvaluate(e.policy, e.input, e.options);
    const text = JSON.stringify(result);
    hash.update(`${text}\n`);
    lines += 1;
    if (lines % 997 === 1) sample.push({ label: e.label, result });
  }
  return { lines, sha256: hash.digest('hex'), sample };
}
