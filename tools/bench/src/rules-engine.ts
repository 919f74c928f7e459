/**
 * The evaluator's routing rules written for json-rules-engine, the most used
 * JavaScript rules engine, so the benchmark compares like with like: the
 * engine decides the route (only the route: no reasons, criteria or
 * documentation) from the same request, from rules generated from the same
 * policy data. Written the way its documentation recommends: declarative
 * conditions on facts, shared conditions by reference, higher-priority rules
 * that add a runtime fact (the governing revision) for the ones below, and
 * condition priorities so a rule stops at its first failed test.
 */
import type { EvaluationRequestInput, Route } from '@criteria/evaluator';
import type { LoadedPolicy, LoadedRevision } from '@criteria/schema';
import { Engine, type NestedCondition, type RuleProperties } from 'json-rules-engine';

const NO_REVISION = 'none';
const day = (iso: string) => Number(iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10));
const EVERYTHING_APPROVED = 99_991_231;

/** The facts of one run: dates as YYYYMMDD numbers (the engine compares numbers). */
export interface RoutingFacts {
  codes: string[];
  dos: number;
  asOf: number;
  lineOfBusiness: string;
  /** The stated indication, else the first diagnosis the policy's table maps; 'none' when neither. */
  indication: string;
  revision: string;
}

/** Facts for a request, as a service would prepare them for the engine. */
export function routingFacts(policy: LoadedPolicy, r: EvaluationRequestInput): RoutingFacts {
  let indication = r.indication;
  if (indication === undefined)
    for (const code of r.diagnoses ?? []) {
      const bare = code.toUpperCase().replace('.', '');
      const row = policy.diagnosisMap.rows.find(
        (row) =>
          bare.startsWith(row.prefix.replace('.', '')) &&
          (row.when?.technique === undefined || row.when.technique === r.technique) &&
          (row.when?.mediastinalInvolvement === undefined ||
            row.when.mediastinalInvolvement === r.mediastinalInvolvement),
      );
      if (row?.indication) {
        indication = row.indication;
        break;
      }
    }
  const asOf = r.asOf ?? r.requestDate;
  return {
    codes: r.procedureCodes,
    dos: day(r.dateOfService),
    asOf: asOf === undefined ? EVERYTHING_APPROVED : day(asOf),
    lineOfBusiness: r.lineOfBusiness,
    indication: indication ?? NO_REVISION,
    revision: NO_REVISION,
  };
}

const beats = (s: LoadedRevision, r: LoadedRevision) =>
  s.effectiveOn > r.effectiveOn || (s.effectiveOn === r.effectiveOn && s.approvedOn > r.approvedOn);

/** `r` is in effect and known: effective and approved by then. */
const applicable = (r: LoadedRevision): NestedCondition[] => [
  { fact: 'dos', operator: 'greaterThanInclusive', value: day(r.effectiveOn) },
  { fact: 'asOf', operator: 'greaterThanInclusive', value: day(r.approvedOn) },
];
const notApplicable = (r: LoadedRevision): NestedCondition => ({
  any: [
    { fact: 'dos', operator: 'lessThan', value: day(r.effectiveOn) },
    { fact: 'asOf', operator: 'lessThan', value: day(r.approvedOn) },
  ],
});
const isRevision = (id: string): NestedCondition => ({
  fact: 'revision',
  operator: 'equal',
  value: id,
  priority: 10,
});

/**
 * An engine that routes a request as the evaluator does. Run it with
 * {@link routeWithRulesEngine}.
 *
 * @example
 * const engine = routingEngine(imrt);
 * await routeWithRulesEngine(engine, imrt, request); // 'criteria-review'
 */
export function routingEngine(policy: LoadedPolicy): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const rules: RuleProperties[] = [];
  const route = (name: string, priority: number, conditions: NestedCondition[], to: Route) =>
    rules.push({
      name,
      priority,
      conditions: { all: conditions },
      event: { type: 'route', params: { route: to } },
      // The first route found wins: lower priorities need not run.
      onSuccess: () => {
        engine.stop();
      },
    });

  // 1. Which revision governs (bitemporal): in effect and known, and no later one is.
  for (const r of policy.revisions)
    rules.push({
      name: `revision ${r.id}`,
      priority: 100,
      conditions: {
        all: [...applicable(r), ...policy.revisions.filter((s) => beats(s, r)).map(notApplicable)],
      },
      event: { type: 'revision', params: { id: r.id } },
      onSuccess: (_event, almanac) => almanac.addRuntimeFact('revision', r.id),
    });

  // 2. No requested code in scope.
  for (const r of policy.revisions)
    route(
      `not-applicable under ${r.id}`,
      90,
      [
        isRevision(r.id),
        ...r.codes.map((c) => ({ fact: 'codes', operator: 'doesNotContain', value: c.code })),
      ],
      'not-applicable',
    );
  const everCodes = [...new Set(policy.revisions.flatMap((r) => r.codes.map((c) => c.code)))];
  route(
    'not-applicable, no revision',
    90,
    [
      isRevision(NO_REVISION),
      ...everCodes.map((code) => ({ fact: 'codes', operator: 'doesNotContain', value: code })),
    ],
    'not-applicable',
  );

  // 3. No revision in effect.
  route('no criteria in effect', 80, [isRevision(NO_REVISION)], 'no-criteria-in-effect');

  // 4. Lines of business the indication rules do not apply to (Medicare).
  for (const r of policy.revisions)
    route(
      `criteria-only line under ${r.id}`,
      70,
      [
        isRevision(r.id),
        { fact: 'lineOfBusiness', operator: 'notIn', value: [...r.indicationRulesApplyTo] },
      ],
      'criteria-review',
    );

  // 5. The indication's standing under the governing revision.
  const namers = new Map<string, LoadedRevision[]>();
  for (const r of policy.revisions)
    for (const i of r.indications) namers.set(i.id, [...(namers.get(i.id) ?? []), r]);
  for (const r of policy.revisions) {
    for (const i of r.indications)
      route(
        `${i.id} named by ${r.id}`,
        60,
        [isRevision(r.id), { fact: 'indication', operator: 'equal', value: i.id }],
        i.requires,
      );
    // Named by another revision known on the knowledge date (later or earlier): medical director review.
    for (const [id, by] of namers) {
      if (r.indications.some((i) => i.id === id)) continue;
      route(
        `${id} named elsewhere than ${r.id}`,
        60,
        [
          isRevision(r.id),
          { fact: 'indication', operator: 'equal', value: id },
          {
            any: by.map((n) => ({
              fact: 'asOf',
              operator: 'greaterThanInclusive',
              value: day(n.approvedOn),
            })),
          },
        ],
        'medical-director-review',
      );
    }
  }

  // 6. Otherwise (never named, or no indication): the criteria decide.
  route(
    'criteria decide',
    0,
    [{ fact: 'dos', operator: 'greaterThan', value: 0 }],
    'criteria-review',
  );

  for (const rule of rules) engine.addRule(rule);
  return engine;
}

/** The route json-rules-engine gives a (valid) request. */
export async function routeWithRulesEngine(
  engine: Engine,
  policy: LoadedPolicy,
  request: EvaluationRequestInput,
): Promise<Route> {
  const { events } = await engine.run(
    routingFacts(policy, request) as unknown as Record<string, unknown>,
  );
  const found = events.find((e) => e.type === 'route');
  if (found === undefined) throw new Error('json-rules-engine: no route rule fired');
  return found.params?.route as Route;
}
