/**
 * The route: which gate decides a request (no revision, no code in scope, the
 * line of business, the indications) and what it says. A pure function of what
 * decides, so a revision's decision table memoizes it (see plan.ts).
 */
import type {
  IndicationRequirement,
  LineOfBusiness,
  LoadedRevision,
  ReadingsSlice,
  Technique,
} from '@criteria/schema/core';
import { match } from 'ts-pattern';
import type { Determination, Reason, Route, TraceStep } from '../determination.js';
import {
  assumed,
  lineName,
  readingBasis,
  reason,
  routeWords,
  type Sink,
  traceStep,
} from './basis.js';
import { defaultRoute, type RoutedIndication, routeIndication } from './indication.js';

type Gate =
  | { kind: 'no-revision' }
  | { kind: 'no-codes-in-scope' }
  | { kind: 'line-route'; route: IndicationRequirement }
  | { kind: 'indication'; route: IndicationRequirement };

/** Everything a request's route depends on: the key of a revision's decision table. */
export interface RouteKey {
  lineOfBusiness: LineOfBusiness;
  /** Whether any requested code is in the governing revision's scope. */
  inScope: boolean;
  /** The request's indications after the hierarchy (null: a diagnosis mapping to none). */
  items: readonly (string | null)[];
  technique: Technique;
}

type IndicationRoute = Determination['indications'][number];

/** What the route part of a determination holds, the same for every request of one key. */
export interface RouteDecision {
  route: Route;
  gate: Gate['kind'];
  /** The gate's steps and the route step, in order. */
  trace: readonly TraceStep[];
  /** The gate's reasons, then the reasons of the flags the readings raise. */
  reasons: readonly Reason[];
  /** Flags the readings raise for the request's indications. */
  flags: readonly Determination['flags'][number][];
  indications: readonly IndicationRoute[];
  /** The indication that decided the route (or the first named one); null when none has an id. */
  main: IndicationRoute | null;
}

/**
 * Decides the route of a request under a governing revision (its readings
 * slice, if any). The gate's reason for a request with no code in scope names
 * the request's codes, so the caller adds it (`gate === 'no-codes-in-scope'`).
 */
export function decideRoute(
  revision: LoadedRevision,
  slice: ReadingsSlice | null,
  key: RouteKey,
): RouteDecision {
  const out: Sink = { trace: [], reasons: [] };
  const say = (rule: string, text: string, b?: Parameters<typeof reason>[2]) =>
    out.reasons.push(reason(rule, text, b));
  const routed = key.items.map((id) => routeIndication(revision, slice, id, key.technique));
  const gate = gateOf(slice, key, routed, out);
  const route: Route = match(gate)
    .returnType<Route>()
    .with({ kind: 'no-revision' }, () => 'no-criteria-in-effect')
    .with({ kind: 'no-codes-in-scope' }, () => 'not-applicable')
    .with({ kind: 'line-route' }, (g) => g.route)
    .with({ kind: 'indication' }, (g) => g.route)
    .exhaustive();
  out.trace.push(traceStep(`route.${route}`, route));

  // Flags the readings raise for the indications of this request.
  const flags: Determination['flags'] = [];
  for (const r of slice?.readings ?? []) {
    const d = r.decides;
    if (d.kind !== 'flag' || !key.items.includes(d.indication)) continue;
    flags.push({ flag: d.flag, subject: d.indication, text: r.statement, ...readingBasis([r]) });
    say(`flag.${d.flag}`, r.statement, readingBasis([r]));
  }
  const { indications, main } = indicationsOf(key.items, routed, gate.kind === 'indication', route);
  return { route, gate: gate.kind, ...out, flags, indications, main };
}

/** The route when no revision governs: nothing but the indications' ids is known. */
export function noRevisionDecision(items: readonly (string | null)[]): RouteDecision {
  const route: Route = 'no-criteria-in-effect';
  const { indications, main } = indicationsOf(items, [], false, route);
  return {
    route,
    gate: 'no-revision',
    trace: [traceStep(`route.${route}`, route)],
    reasons: [],
    flags: [],
    indications,
    main,
  };
}

function gateOf(
  slice: ReadingsSlice | null,
  key: RouteKey,
  routed: readonly RoutedIndication[],
  out: Sink,
): Gate {
  const say = (rule: string, text: string, b?: Parameters<typeof reason>[2]) =>
    out.reasons.push(reason(rule, text, b));
  if (!key.inScope) return { kind: 'no-codes-in-scope' };
  const line = slice?.readings.find(
    (r) => r.decides.kind === 'line-route' && r.decides.line === key.lineOfBusiness,
  );
  if (line && line.decides.kind === 'line-route') {
    out.trace.push(
      traceStep(
        'line-of-business.route',
        `${key.lineOfBusiness}: ${line.decides.route} whatever the indication (${line.id})`,
      ),
    );
    say(
      'line-of-business.route',
      `${lineName(key.lineOfBusiness)} requests take ${routeWords(line.decides.route)} whatever the indication (reading ${line.id}).`,
      readingBasis([line]),
    );
    return { kind: 'line-route', route: line.decides.route };
  }
  if (routed.length === 0) {
    const d = defaultRoute(slice);
    out.trace.push(traceStep('indication.unresolved', 'no indication: the criteria decide'));
    say(
      'indication.unresolved',
      'No indication is known: the criteria themselves decide.',
      d.reading
        ? readingBasis([d.reading])
        : assumed('No reading decides a request without an indication; the criteria decide.'),
    );
    return { kind: 'indication', route: d.route };
  }
  for (const x of routed) {
    out.trace.push(traceStep(x.rule, x.detail));
    say(x.rule, x.text, x.basis);
  }
  const stricter = slice?.readings.find((r) => r.decides.kind === 'stricter-route-wins');
  const strictest = routed.some((x) => x.route === 'medical-director-review')
    ? 'medical-director-review'
    : 'criteria-review';
  const chosen: IndicationRequirement =
    routed.length === 1 || stricter ? strictest : (routed[0]?.route ?? strictest);
  if (routed.length > 1)
    say(
      'indication.several',
      stricter
        ? `The request has ${routed.length} indications; the stricter route, ${routeWords(chosen)}, wins (reading ${stricter.id}).`
        : `The request has ${routed.length} indications; no reading says which wins, so the first decides (${routeWords(chosen)}).`,
      stricter
        ? readingBasis([stricter])
        : assumed('No reading decides a request with several indications.'),
    );
  return { kind: 'indication', route: chosen };
}

function indicationsOf(
  items: readonly (string | null)[],
  routed: readonly RoutedIndication[],
  decided: boolean,
  route: Route,
): { indications: IndicationRoute[]; main: IndicationRoute | null } {
  const indications = items.map((id, k) => {
    const r = routed[k];
    return {
      id,
      named: r?.named ?? false,
      namedIn: r?.namedIn ?? null,
      label: r?.label ?? null,
      route: decided && r ? r.route : null,
      reading: decided && r ? r.readingId : null,
    };
  });
  const main =
    (decided ? indications.find((x) => x.id !== null && x.route === route) : undefined) ??
    indications.find((x) => x.id !== null) ??
    null;
  return { indications, main };
}

/** Adds a decision's shared parts to a determination being built. */
export function appendDecision(
  sink: Sink,
  flags: Determination['flags'],
  decision: RouteDecision,
): void {
  for (const t of decision.trace) sink.trace.push(t);
  for (const r of decision.reasons) sink.reasons.push(r);
  for (const f of decision.flags) flags.push(f);
}

/** The `indication` of a determination: the deciding one with what the request gave. */
export function mainIndication(
  decision: RouteDecision,
  resolved: {
    technique: Technique;
    from: 'request' | 'diagnosis';
    fromDiagnoses: { code: string; indication: string | null }[];
    conflict: string | null;
  },
): Determination['indication'] {
  const main = decision.main;
  return main && main.id !== null
    ? {
        id: main.id,
        named: main.named,
        namedIn: main.namedIn,
        label: main.label,
        route: main.route,
        reading: main.reading,
        technique: resolved.technique,
        from: resolved.from,
        fromDiagnoses: resolved.fromDiagnoses,
        conflict: resolved.conflict,
      }
    : null;
}
