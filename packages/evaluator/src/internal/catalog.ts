import type { Indication, LoadedPolicy, LoadedRevision } from '@criteria/schema';

/** Where an indication stands on the date of service, given the governing revision. */
export type IndicationStanding =
  | { kind: 'named'; indication: Indication; since: string }
  | { kind: 'named-later'; indication: Indication; since: string; by: LoadedRevision }
  | { kind: 'no-longer-named'; indication: Indication; since: string }
  | { kind: 'never-named'; id: string };

type Entry = { revision: LoadedRevision; indication: Indication };
const catalogs = new WeakMap<LoadedPolicy, Map<string, Entry[]>>();

/** Every revision naming each indication, in approval order; built once per policy. */
function catalog(policy: LoadedPolicy): Map<string, Entry[]> {
  let c = catalogs.get(policy);
  if (c === undefined) {
    c = new Map();
    for (const revision of policy.revisions)
      for (const indication of revision.indications) {
        const list = c.get(indication.id) ?? [];
        list.push({ revision, indication });
        c.set(indication.id, list);
      }
    catalogs.set(policy, c);
  }
  return c;
}

/**
 * The standing of `id` on `dateOfService` under `governing`, reading only the
 * revisions known on `asOf` (so a later approval cannot change a past answer).
 */
export function standing(
  policy: LoadedPolicy,
  governing: LoadedRevision,
  id: string,
  dateOfService: string,
  asOf: string | null,
): IndicationStanding {
  const effectiveOf = (revisionId: string, fallback: LoadedRevision) =>
    policy.revisions.find((r) => r.id === revisionId)?.effectiveOn ?? fallback.effectiveOn;
  const here = governing.indications.find((i) => i.id === id);
  if (here) return { kind: 'named', indication: here, since: effectiveOf(here.namedIn, governing) };
  const known = (catalog(policy).get(id) ?? []).filter(
    (e) => asOf === null || e.revision.approvedOn <= asOf,
  );
  const later = known.find((e) => e.revision.effectiveOn > dateOfService);
  if (later)
    return {
      kind: 'named-later',
      indication: later.indication,
      since: later.revision.effectiveOn,
      by: later.revision,
    };
  const earlier = known.at(-1);
  if (earlier)
    return {
      kind: 'no-longer-named',
      indication: earlier.indication,
      since: effectiveOf(earlier.indication.namedIn, earlier.revision),
    };
  return { kind: 'never-named', id };
}
