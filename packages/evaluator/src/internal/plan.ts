/**
 * Each revision compiled once, lazily (on its first request, cached per
 * revision and readings edition object), into a decision table: the route part
 * of a determination keyed by what decides it (line of business, whether any
 * code is in scope, the indications after the hierarchy, the technique), the
 * criteria keyed by line and the sources' status on the date, the
 * documentation rule keyed by line and route class. Every entry is what the
 * exhaustive matches of route.ts, criteria.ts and documentation.ts return for
 * that key, built once and frozen; a request fills in only what is its own
 * (dates, codes, diagnoses, the documentation check).
 */
import type {
  LineOfBusiness,
  LoadedPolicy,
  LoadedRevision,
  ReadingsEdition,
  ReadingsSlice,
  Technique,
} from '@criteria/schema/core';
import { sliceFor } from '@criteria/schema/core';
import type { Determination, Reason, TraceStep } from '../determination.js';
import { type BasisFields, frozen, provenanceBasis, revisionBasis, traceStep } from './basis.js';
import { type CriteriaPart, criteriaOf, statusKey } from './criteria.js';
import { type DocumentationRule, documentationRule } from './documentation.js';
import { decideRoute, type RouteDecision, type RouteKey } from './route.js';

/** Beyond this many entries a table stops growing (requests may name any indication): the rest is decided directly. */
const MAX_ENTRIES = 4096;

export interface RevisionPlan {
  revision: LoadedRevision;
  slice: ReadingsSlice | null;
  /** The `readings.edition` trace step, when an edition applies. */
  sliceStep: TraceStep | null;
  scope: ReadonlySet<string>;
  basis: BasisFields;
  route(key: RouteKey): RouteDecision;
  /**
   * The route of a key by its number ({@link routeKeyId}; -1: none) and
   * whether a code is in scope: the same decision as `route`, found in an array.
   */
  routeById(
    id: number,
    line: LineOfBusiness,
    inScope: boolean,
    items: readonly (string | null)[],
    technique: Technique,
  ): RouteDecision;
  criteria(line: LineOfBusiness, date: string): CriteriaPart;
  documentation(line: LineOfBusiness, gated: boolean): DocumentationRule;
  /** The `revision.selected` trace step (the same for every request the revision governs). */
  selectedStep: TraceStep;
  /** The determination's `revision` field. */
  ref: NonNullable<Determination['revision']>;
}

/** Each line's entries by a numeric key, built once and frozen, up to MAX_ENTRIES keys a line. */
function memo<V>(table: Map<string, Map<number, V>>, line: string, key: number, build: () => V): V {
  let byKey = table.get(line);
  if (byKey === undefined) {
    byKey = new Map();
    table.set(line, byKey);
  }
  let v = byKey.get(key);
  if (v === undefined) {
    v = frozen(build());
    if (byKey.size < MAX_ENTRIES) byKey.set(key, v);
  }
  return v;
}

// The route table is a trie over the key's parts (line, whether in scope, technique, the
// number of indications, each indication): a lookup walks a few maps of values the request
// already holds, with no key string to build and hash per request.
type Trie = Map<unknown, unknown>;
const LEAF = Symbol('leaf');
const child = (n: Trie, part: unknown, create: boolean): Trie | undefined => {
  let c = n.get(part) as Trie | undefined;
  if (c === undefined && create) {
    c = new Map();
    n.set(part, c);
  }
  return c;
};
function routeNode(root: Trie, k: RouteKey, create: boolean): Trie | undefined {
  let n = child(root, k.lineOfBusiness, create);
  if (n) n = child(n, k.inScope, create);
  if (n) n = child(n, k.technique, create);
  if (n) n = child(n, k.items.length, create);
  for (let i = 0; n && i < k.items.length; i++) n = child(n, k.items[i], create);
  return n;
}

/** A memoized route table: each key's decision built once and frozen, up to MAX_ENTRIES keys. */
function routeTable(build: (k: RouteKey) => RouteDecision): (k: RouteKey) => RouteDecision {
  const root: Trie = new Map();
  let size = 0;
  return (k) => {
    const found = routeNode(root, k, false)?.get(LEAF) as RouteDecision | undefined;
    if (found !== undefined) return found;
    const v = frozen(build(k));
    if (size < MAX_ENTRIES) {
      routeNode(root, k, true)?.set(LEAF, v);
      size += 1;
    }
    return v;
  };
}

// What decides a route besides the revision and the scope (line, technique, indications),
// numbered once per request: comparing revisions then finds each revision's decision by that
// number in an array, instead of walking the trie of every revision's table. One numbering for
// every policy, so a number means the same key in any plan; up to MAX_ENTRIES keys.
const keyIds: Trie = new Map();
let keyCount = 0;

/** The number of a route key's parts, the same for every revision; -1 past MAX_ENTRIES keys. */
export function routeKeyId(
  line: LineOfBusiness,
  technique: Technique,
  items: readonly (string | null)[],
): number {
  const create = keyCount < MAX_ENTRIES;
  let n = child(keyIds, line, create);
  if (n) n = child(n, technique, create);
  if (n) n = child(n, items.length, create);
  for (let i = 0; n && i < items.length; i++) n = child(n, items[i], create);
  if (n === undefined) return -1;
  let id = n.get(LEAF) as number | undefined;
  if (id === undefined) {
    id = keyCount;
    keyCount += 1;
    n.set(LEAF, id);
  }
  return id;
}

/**
 * Compiles a revision under an edition. With `table` false nothing is
 * remembered or frozen: every call runs the matches directly (what the table's
 * property test compares against).
 */
export function compilePlan(
  revision: LoadedRevision,
  edition: ReadingsEdition | null,
  table = true,
): RevisionPlan {
  const slice = edition ? sliceFor(edition, revision.id) : null;
  const keep = <V>(v: V) => (table ? frozen(v) : v);
  const decide = (key: RouteKey) => decideRoute(revision, slice, key);
  const criteria = table ? new Map<string, Map<number, CriteriaPart>>() : null;
  const documentation = table ? new Map<string, Map<number, DocumentationRule>>() : null;
  const route = table ? routeTable(decide) : decide;
  // By key number, twice (no code in scope, some code in scope): the table's own entries.
  const byId: RouteDecision[] = [];
  return {
    revision,
    slice,
    sliceStep: slice
      ? keep(
          traceStep('readings.edition', `${slice.ref.edition} (${slice.readings.length} readings)`),
        )
      : null,
    scope: new Set(revision.codes.map((c) => c.code)),
    basis: keep(revisionBasis(revision)),
    route,
    routeById: (id, lineOfBusiness, inScope, items, technique) => {
      if (id < 0 || !table) return route({ lineOfBusiness, inScope, items, technique });
      const slot = 2 * id + (inScope ? 1 : 0);
      let d = byId[slot];
      if (d === undefined) {
        d = route({ lineOfBusiness, inScope, items, technique });
        byId[slot] = d;
      }
      return d;
    },
    criteria: (line, date) => {
      const key = criteria === null ? -1 : statusKey(revision, line, date);
      return criteria === null || key < 0
        ? criteriaOf(revision, line, date, undefined)
        : memo(criteria, line, key, () => criteriaOf(revision, line, date, undefined));
    },
    documentation: (line, gated) =>
      documentation === null
        ? documentationRule(revision, slice, line, gated)
        : memo(documentation, line, gated ? 1 : 0, () =>
            documentationRule(revision, slice, line, gated),
          ),
    selectedStep: keep(
      traceStep('revision.selected', `${revision.id} (effective ${revision.effectiveOn})`),
    ),
    ref: keep({
      id: revision.id,
      approvedOn: revision.approvedOn,
      effectiveOn: revision.effectiveOn,
      sha256: revision.sha256,
    }),
  };
}

// Keyed by the revision object, then by the edition object (or NONE): both are frozen.
const NONE = {};
const plans = new WeakMap<LoadedRevision, WeakMap<object, RevisionPlan>>();

/** The compiled plan of a revision under an edition, built on first use. */
export function planOf(revision: LoadedRevision, edition: ReadingsEdition | null): RevisionPlan {
  let byEdition = plans.get(revision);
  if (byEdition === undefined) {
    byEdition = new WeakMap();
    plans.set(revision, byEdition);
  }
  const key = edition ?? NONE;
  let plan = byEdition.get(key);
  if (plan === undefined) {
    plan = compilePlan(revision, edition);
    byEdition.set(key, plan);
  }
  return plan;
}

/** What a policy shares across revisions: the scope when none governs, the deleted codes. */
export interface PolicyPlan {
  scope: ReadonlySet<string>;
  /** The revisions by id (the first of an id, as a search from the start finds it). */
  byId: ReadonlyMap<string, LoadedRevision>;
  deleted: ReadonlyMap<
    string,
    { on: string | null; flag: Determination['flags'][number]; reason: Reason }
  >;
  /**
   * Per code, one bit for each revision whose scope lists it (`scopeBit`): one
   * lookup per code answers "is any code in scope" for every revision at once.
   */
  scopeBits: ReadonlyMap<string, number>;
  /** Each revision's bit in `scopeBits`; none past the 30th revision (then ask its plan's scope). */
  scopeBit: ReadonlyMap<LoadedRevision, number>;
}

function compilePolicy(policy: LoadedPolicy): PolicyPlan {
  type Deleted = PolicyPlan['deleted'] extends ReadonlyMap<string, infer V> ? V : never;
  const deleted = new Map<string, Deleted>();
  // The first entry of a code decides, as a lookup by code would.
  const seen = new Set<string>();
  for (const d of policy.deletedCodes) {
    if (seen.has(d.code)) continue;
    seen.add(d.code);
    if (!d.deleted) continue;
    const b = provenanceBasis(d.deleted.provenance, `code:${d.code}:deleted`);
    const text = `${d.system} ${d.code} is a deleted code${d.deleted.on ? ` (deleted ${d.deleted.on})` : ''}.`;
    deleted.set(
      d.code,
      frozen({
        on: d.deleted.on ?? null,
        flag: { flag: 'deleted-code' as const, subject: d.code, text, ...b },
        reason: { rule: 'codes.deleted', text, ...b },
      }),
    );
  }
  const byId = new Map<string, LoadedRevision>();
  for (const r of policy.revisions) if (!byId.has(r.id)) byId.set(r.id, r);
  const scopeBits = new Map<string, number>();
  const scopeBit = new Map<LoadedRevision, number>();
  policy.revisions.slice(0, 30).forEach((r, i) => {
    scopeBit.set(r, 2 ** i);
    for (const c of r.codes) scopeBits.set(c.code, (scopeBits.get(c.code) ?? 0) | (2 ** i));
  });
  return {
    scope: new Set(policy.revisions.flatMap((r) => r.codes.map((c) => c.code))),
    byId,
    deleted,
    scopeBits,
    scopeBit,
  };
}

const policyPlans = new WeakMap<LoadedPolicy, PolicyPlan>();
export function policyPlanOf(policy: LoadedPolicy): PolicyPlan {
  let p = policyPlans.get(policy);
  if (p === undefined) {
    p = compilePolicy(policy);
    policyPlans.set(policy, p);
  }
  return p;
}
