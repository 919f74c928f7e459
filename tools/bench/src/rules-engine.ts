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
import { type LoadedPolicy, type LoadedRevision, sliceFor } from '@criteria/schema';
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
  /** The stated indication (a shorthand resolved), else every diagnosis's ('unnamed' for an unmapped one). */
  indications: string[];
  technique: string;
  revision: string;
}

/** Facts for a request, as a service would prepare them for the engine. */
export function routingFacts(policy: LoadedPolicy, r: EvaluationRequestInput): RoutingFacts {
  const edition = policy.readings.at(-1);
  const short = edition?.shorthands.find((x) => x.id === r.indication);
  const indications: string[] = [];
  if (r.indication !== undefined) indications.push(short ? short.indication : r.indication);
  else
    for (const code of r.diagnoses ?? []) {
      const bare = code.toUpperCase().replace('.', '');
      const row = edition?.diagnosisMap.rows.find(
        (row) =>
          bare.startsWith(row.prefix.replace('.', '')) &&
          (row.when?.mediastinalInvolvement === undefined ||
            row.when.mediastinalInvolvement === r.mediastinalInvolvement),
      );
      indications.push(row?.indication ?? 'unnamed');
    }
  const asOf = r.asOf ?? r.requestDate;
  return {
    codes: r.procedureCodes,
    dos: day(r.dateOfService),
    asOf: asOf === undefined ? EVERYTHING_APPROVED : day(asOf),
    lineOfBusiness: r.lineOfBusiness,
    indications,
    technique: short ? short.technique : (r.technique ?? 'unknown'),
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

  // 2. No revision in effect.
  route('no criteria in effect', 90, [isRevision(NO_REVISION)], 'no-criteria-in-effect');

  // 3. No requested code in scope.
  for (const r of policy.revisions)
    route(
      `not-applicable under ${r.id}`,
      85,
      [
        isRevision(r.id),
        ...r.codes.map((c) => ({ fact: 'codes', operator: 'doesNotContain', value: c.code })),
      ],
      'not-applicable',
    );

  // 4. The readings of the latest edition, per governing revision: line routes, then each
  // indication's route (medical director review first: the stricter route wins), then the default.
  const edition = policy.readings.at(-1);
  for (const r of policy.revisions) {
    const readings = edition ? sliceFor(edition, r.id).readings : [];
    for (const x of readings) {
      const d = x.decides;
      if (d.kind === 'line-route')
        route(
          `${x.id} under ${r.id}`,
          70,
          [isRevision(r.id), { fact: 'lineOfBusiness', operator: 'equal', value: d.line }],
          d.route,
        );
      if (d.kind === 'indication-route')
        route(
          `${x.id} under ${r.id}`,
          d.route === 'medical-director-review' ? 60 : 50,
          [
            isRevision(r.id),
            { fact: 'indications', operator: 'contains', value: d.indication },
            ...(d.techniques
              ? [{ fact: 'technique', operator: 'in', value: [...d.techniques] }]
              : []),
          ],
          d.route,
        );
    }
  }

  // 5. Otherwise (an indication no reading decides, or none): the criteria decide (the
  // edition's default route, criteria review, as the evaluator's default too).
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
