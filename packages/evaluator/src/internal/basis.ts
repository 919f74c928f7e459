/** What a reason rests on, and the words every part of a determination shares. */
import type {
  Citation,
  IndicationRequirement,
  LoadedRevision,
  Provenance,
  Reading,
} from '@criteria/schema/core';
import type { Basis, Reason, TraceStep } from '../determination.js';

/** How many values a reason or trace step lists before it counts the rest. */
const LISTED = 10;
/** `a, b, c` for a few values; the first ten and `and N more` for many. */
export const listed = (items: readonly string[]): string =>
  items.length <= LISTED
    ? items.join(', ')
    : `${items.slice(0, LISTED).join(', ')} and ${(items.length - LISTED).toLocaleString('en-US')} more`;

export const cites = (p: { cites: readonly Citation[] } | undefined): Citation[] =>
  p ? [...p.cites] : [];

export type BasisFields = Pick<Reason, 'basis' | 'cites' | 'readings'>;
export const stated = (c: Citation[]): BasisFields => ({ basis: 'stated', cites: c, readings: [] });
export const assumed = (reason: string, c: Citation[] = []): BasisFields => ({
  basis: 'assumed',
  cites: c,
  readings: [{ id: 'assumed', reason }],
});
export const readingBasis = (rs: readonly Reading[]): BasisFields => ({
  basis: 'reading',
  cites: rs.flatMap((r) => r.basis.cites),
  readings: rs.map((r) => ({ id: r.id, reason: r.basis.reason })),
});
/** A fact of a revision module: stated when it only cites; a reading (named by where it is recorded) when it reads. */
export const provenanceBasis = (p: Provenance, where: string): BasisFields =>
  p.reading === undefined
    ? stated(cites(p))
    : { basis: 'reading', cites: cites(p), readings: [{ id: where, reason: p.reading }] };
export const revisionBasis = (r: LoadedRevision): BasisFields => {
  const basis: Basis = r.effectiveOnBasis;
  if (basis === 'stated' || r.provenance.reading === undefined) return stated(cites(r.provenance));
  return {
    basis,
    cites: cites(r.provenance),
    readings: [{ id: `${r.id}:effectiveOn`, reason: r.provenance.reading }],
  };
};

export const lineName = (l: string) =>
  l === 'medicare' ? 'Medicare' : l === 'non-medicare' ? 'non-Medicare' : l;
export const routeWords = (r: IndicationRequirement) =>
  r === 'criteria-review' ? 'criteria review' : 'medical director review';

export const reason = (rule: string, text: string, b: BasisFields = stated([])): Reason => ({
  rule,
  text,
  basis: b.basis,
  cites: b.cites,
  readings: b.readings,
});
export const traceStep = (rule: string, detail: string): TraceStep => ({ rule, detail });

/**
 * Deep-freezes a part of a determination that many determinations share (built
 * once per revision), so no caller can change another request's answer.
 */
export function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) frozen(v);
  }
  return value;
}

/** Where a part of decide writes: trace steps and reasons, in order. */
export interface Sink {
  trace: TraceStep[];
  reasons: Reason[];
}
