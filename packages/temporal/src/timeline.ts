import { addDays, assertIsoDate, type IsoDate } from '@criteria/calendar/core';
import type { AsOfOptions, Dated } from './select.js';

/** How one revision fares on the timeline. */
export type TimelineEntry<R> =
  | {
      revision: R;
      status: 'governs';
      /** First date of service it governs. */
      from: IsoDate;
      /** Last date of service it governs, inclusive (for display); null while it is the latest. */
      through: IsoDate | null;
      /** The revision that takes over the day after `through`. */
      supersededBy: R | null;
    }
  | {
      revision: R;
      /** Another revision approved later takes effect on the same day: this one never governs. */
      status: 'superseded-before-effective';
      supersededBy: R;
    };

/**
 * Each revision known on `asOf` with the dates of service it governs (half-open
 * intervals shown with an inclusive end), in approval order.
 *
 * @example
 * timeline(imrt).map((e) => e.status === 'governs' ? `${e.revision.id} ${e.from}..${e.through ?? ''}` : `${e.revision.id} superseded`)
 */
export function timeline<R extends Dated>(
  policy: { readonly revisions: readonly R[] },
  options: AsOfOptions = {},
): TimelineEntry<R>[] {
  const { asOf } = options;
  if (asOf !== undefined) assertIsoDate(asOf, 'asOf');
  const known = policy.revisions.filter((r) => asOf === undefined || r.approvedOn <= asOf);
  // The winner for each effective date: the latest approval.
  const winners = new Map<IsoDate, R>();
  for (const r of known) {
    const w = winners.get(r.effectiveOn);
    if (w === undefined || r.approvedOn > w.approvedOn) winners.set(r.effectiveOn, r);
  }
  const starts = [...winners.keys()].sort();
  const next = new Map<IsoDate, IsoDate | undefined>(starts.map((d, i) => [d, starts[i + 1]]));
  const ordered = [...known].sort((a, b) =>
    a.approvedOn === b.approvedOn
      ? a.effectiveOn < b.effectiveOn
        ? -1
        : 1
      : a.approvedOn < b.approvedOn
        ? -1
        : 1,
  );
  return ordered.map((revision): TimelineEntry<R> => {
    const winner = winners.get(revision.effectiveOn) as R;
    if (winner !== revision)
      return { revision, status: 'superseded-before-effective', supersededBy: winner };
    const nextStart = next.get(revision.effectiveOn);
    return {
      revision,
      status: 'governs',
      from: revision.effectiveOn,
      through: nextStart === undefined ? null : addDays(nextStart, -1),
      supersededBy: nextStart === undefined ? null : (winners.get(nextStart) as R),
    };
  });
}
