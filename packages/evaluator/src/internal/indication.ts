/** Indications: what the request names (the hierarchy: shorthand, stated, diagnoses) and the route each takes. */
import type {
  IndicationRequirement,
  LoadedRevision,
  Reading,
  ReadingsSlice,
  Technique,
} from '@criteria/schema/core';
import type { Determination } from '../determination.js';
import type { EvaluationRequest } from '../request.js';
import {
  assumed,
  type BasisFields,
  listed,
  readingBasis,
  reason,
  routeWords,
  type Sink,
  traceStep,
} from './basis.js';
import { diagnosisIndications, mapDiagnoses } from './diagnoses.js';

/** The request's indications after the hierarchy: a shorthand resolved, else each diagnosis's once, in order. */
export interface ResolvedIndications {
  /** Indication ids (null: a diagnosis that maps to none). */
  items: (string | null)[];
  technique: Technique;
  from: 'request' | 'diagnosis';
  fromDiagnoses: { code: string; indication: string | null }[];
  conflict: string | null;
}

/** The request's indications: the stated one (a shorthand resolved), else every diagnosis's, in order. */
export function resolveIndications(
  req: EvaluationRequest,
  readings: Pick<ReadingsSlice, 'shorthands' | 'diagnosisMap'> | null,
  sink: Sink | null,
  flags: Determination['flags'] | null,
): ResolvedIndications {
  const technique: Technique = req.technique ?? 'unknown';
  const rows = readings?.diagnosisMap.rows ?? [];
  // Each diagnosis once: 100,000 copies of one code say no more than one does.
  const fromDiagnoses =
    req.diagnoses === undefined
      ? []
      : mapDiagnoses(rows, eachOnce(req.diagnoses), req.mediastinalInvolvement);
  let conflict: string | null = null;
  if (req.indication !== undefined) {
    const short = shorthandOf(readings, req.indication);
    const id = short ? short.indication : req.indication;
    if (short)
      sink?.trace.push(
        traceStep(
          'indication.shorthand',
          `${short.id} = ${short.indication} with technique ${short.technique}`,
        ),
      );
    if (fromDiagnoses.length > 0 && !fromDiagnoses.some((d) => d.indication === id)) {
      conflict = `the stated indication ${id} is not what the diagnoses map to (${listed(
        fromDiagnoses.map((d) => `${d.code} → ${d.indication ?? 'no indication'}`),
      )}); the stated indication is used`;
      if (sink) {
        sink.trace.push(traceStep('indication.conflict', conflict));
        sink.reasons.push(
          reason(
            'indication.conflict',
            `The stated indication and the diagnoses disagree: ${conflict}.`,
            diagnosisMapBasis(readings),
          ),
        );
      }
    }
    sink?.trace.push(traceStep('indication.stated', id));
    return {
      items: [id],
      technique: short ? short.technique : technique,
      from: 'request',
      fromDiagnoses,
      conflict,
    };
  }
  const items: (string | null)[] = [];
  for (const d of fromDiagnoses) if (!items.includes(d.indication)) items.push(d.indication);
  if (sink) {
    // One flag and one reason for every unmapped diagnosis together, the list bounded.
    const unmapped = fromDiagnoses.filter((d) => d.indication === null).map((d) => d.code);
    if (unmapped.length > 0) {
      const text = `${listed(unmapped)} ${unmapped.length === 1 ? 'maps' : 'map'} to no indication of the project's diagnosis map: ${unmapped.length === 1 ? 'it counts' : 'they count'} as an indication the revision table does not name.`;
      flags?.push({
        flag: 'unmapped-diagnosis',
        subject: listed(unmapped),
        text,
        ...diagnosisMapBasis(readings),
      });
      sink.reasons.push(reason('indication.unmapped', text, diagnosisMapBasis(readings)));
    }
    sink.trace.push(
      traceStep(
        'indication.from-diagnoses',
        listed(fromDiagnoses.map((d) => `${d.code} → ${d.indication ?? '-'}`)),
      ),
    );
  }
  return { items, technique, from: 'diagnosis', fromDiagnoses, conflict };
}

/**
 * What decides the route of {@link resolveIndications}'s answer (`items` and
 * `technique`), without the rest: an outcome reads nothing else, so the
 * diagnoses are not listed when an indication is stated, nor is a conflict
 * written out.
 */
export function resolveItems(
  req: EvaluationRequest,
  readings: Pick<ReadingsSlice, 'shorthands' | 'diagnosisMap'> | null,
): Pick<ResolvedIndications, 'items' | 'technique'> {
  if (req.indication !== undefined) {
    const short = shorthandOf(readings, req.indication);
    return short
      ? { items: [short.indication], technique: short.technique }
      : { items: [req.indication], technique: req.technique ?? 'unknown' };
  }
  return {
    items:
      req.diagnoses === undefined
        ? []
        : diagnosisIndications(
            readings?.diagnosisMap.rows ?? [],
            req.diagnoses,
            req.mediastinalInvolvement,
          ),
    technique: req.technique ?? 'unknown',
  };
}

/** The basis of what the diagnosis map says. */
const diagnosisMapBasis = (readings: Pick<ReadingsSlice, 'diagnosisMap'> | null): BasisFields => ({
  basis: 'reading',
  cites: [],
  readings: [{ id: 'diagnosis-map', reason: readings?.diagnosisMap.note ?? 'no diagnosis map' }],
});

/** The shorthand `id` names, if any. */
export function shorthandOf(readings: Pick<ReadingsSlice, 'shorthands'> | null, id: string) {
  const list = readings?.shorthands;
  if (list === undefined) return undefined;
  for (let i = 0; i < list.length; i++)
    if ((list[i] as (typeof list)[number]).id === id) return list[i];
  return undefined;
}

/** Each value once, in order (a list of one or two is the common case). */
export function eachOnce(values: readonly string[]): readonly string[] {
  if (values.length < 2) return values;
  if (values.length > 16) return [...new Set(values)];
  const out: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as string;
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** The route a slice gives a request without an indication (or one no reading names). */
export function defaultRoute(slice: ReadingsSlice | null): {
  route: IndicationRequirement;
  reading: Reading | null;
} {
  const d = slice?.readings.find((r) => r.decides.kind === 'default-route');
  return d && d.decides.kind === 'default-route'
    ? { route: d.decides.route, reading: d }
    : { route: 'criteria-review', reading: null };
}

/** One indication under the governing revision: its standing, its route and why. */
export interface RoutedIndication {
  id: string | null;
  named: boolean;
  namedIn: string | null;
  label: string | null;
  route: IndicationRequirement;
  readingId: string | null;
  rule: string;
  detail: string;
  text: string;
  basis: BasisFields;
}

/** The route the governing revision's slice gives one indication (null id: a diagnosis that maps to none). */
export function routeIndication(
  revision: LoadedRevision,
  slice: ReadingsSlice | null,
  id: string | null,
  technique: Technique,
): RoutedIndication {
  const here = id === null ? undefined : revision.indications.find((i) => i.id === id);
  const specific =
    id === null
      ? undefined
      : slice?.readings.find(
          (r) =>
            r.decides.kind === 'indication-route' &&
            r.decides.indication === id &&
            (r.decides.techniques === undefined || r.decides.techniques.includes(technique)),
        );
  const d = defaultRoute(slice);
  const route =
    specific && specific.decides.kind === 'indication-route' ? specific.decides.route : d.route;
  const reading = specific ?? d.reading;
  const standing = here
    ? `${here.label} is named by revision ${revision.id} (since revision ${here.namedIn})`
    : id === null
      ? 'A diagnosis maps to no indication'
      : `${id} is not named by revision ${revision.id}`;
  const how = technique !== 'unknown' && id !== null ? ` with technique ${technique}` : '';
  const why = reading
    ? ` (reading ${reading.id}${reading.derivedFrom ? `, derived from the ${reading.derivedFrom.revision} row's "${reading.derivedFrom.phrase}"` : ''})`
    : ' (assumed: no reading decides it)';
  return {
    id,
    named: here !== undefined,
    // The naming revision is this one or an earlier one: never a later row.
    namedIn: here ? here.namedIn : null,
    label: here?.label ?? null,
    route,
    readingId: reading?.id ?? null,
    rule: here ? 'indication.named' : id === null ? 'indication.unmapped' : 'indication.not-named',
    detail: `${id ?? '(unmapped)'}: ${route}${reading ? ` by ${reading.id}` : ''}`,
    text: `${standing}; requests for it${how} take ${routeWords(route)}${why}.`,
    basis: reading
      ? readingBasis([reading])
      : assumed('No reading of this edition decides the route; the criteria decide.'),
  };
}
