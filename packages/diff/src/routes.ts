import {
  type IndicationRequirement,
  LineOfBusinessSchema,
  type LoadedRevision,
  type Reading,
  type ReadingsEdition,
  sliceFor,
  type Technique,
  TechniqueSchema,
} from '@criteria/schema';
import type { Delta, RouteFacts } from './change.js';

/**
 * The route a slice of readings gives one line, indication and technique: a
 * line route first, then the indication's own reading, then the default; null
 * reading when no reading decides (assumed criteria review, as the evaluator does).
 */
function routeOf(
  readings: readonly Reading[],
  line: string,
  indication: string,
  technique: Technique,
): RouteFacts {
  for (const r of readings)
    if (r.decides.kind === 'line-route' && r.decides.line === line)
      return { route: r.decides.route, reading: r.id };
  for (const r of readings)
    if (
      r.decides.kind === 'indication-route' &&
      r.decides.indication === indication &&
      (r.decides.techniques === undefined || r.decides.techniques.includes(technique))
    )
      return { route: r.decides.route, reading: r.id };
  for (const r of readings)
    if (r.decides.kind === 'default-route') return { route: r.decides.route, reading: r.id };
  return { route: 'criteria-review' as IndicationRequirement, reading: null };
}

/**
 * Where the readings edition routes requests differently under `to` than under
 * `from`: per line of business, per indication either revision names or a
 * reading decides, and per technique where a reading routes by technique.
 */
export function routeDeltas(
  from: LoadedRevision,
  to: LoadedRevision,
  edition: ReadingsEdition,
): Delta[] {
  const a = sliceFor(edition, from.id).readings;
  const b = sliceFor(edition, to.id).readings;
  const ids: string[] = [];
  const add = (id: string) => {
    if (!ids.includes(id)) ids.push(id);
  };
  for (const i of [...from.indications, ...to.indications]) add(i.id);
  for (const r of [...a, ...b])
    if (r.decides.kind === 'indication-route') add(r.decides.indication);
  const out: Delta[] = [];
  for (const line of LineOfBusinessSchema.options)
    for (const indication of ids) {
      const byTechnique = [...a, ...b].some(
        (r) =>
          r.decides.kind === 'indication-route' &&
          r.decides.indication === indication &&
          r.decides.techniques !== undefined,
      );
      const techniques: (Technique | null)[] = byTechnique ? [...TechniqueSchema.options] : [null];
      for (const technique of techniques) {
        const before = routeOf(a, line, indication, technique ?? 'unknown');
        const after = routeOf(b, line, indication, technique ?? 'unknown');
        if (before.route !== after.route)
          out.push({ kind: 'route-changed', line, indication, technique, before, after });
      }
    }
  return out;
}
